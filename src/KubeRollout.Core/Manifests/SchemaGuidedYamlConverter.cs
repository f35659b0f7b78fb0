using System.Globalization;
using System.Text.Json.Nodes;
using KubeRollout.Core.Kubernetes;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeRollout.Core.Manifests;

/// <summary>
/// Turns a YAML document into JSON guided by the target model type, the way the API machinery reads YAML:
/// a plain scalar becomes a string where the field is a string (so <c>tag: 1.10</c> stays "1.10"), unknown
/// fields and values of the wrong shape are errors that name the field path and the line.
/// </summary>
internal sealed class SchemaGuidedYamlConverter
{
    private readonly Func<int, string, ManifestException> _fail;

    public SchemaGuidedYamlConverter(Func<int, string, ManifestException> fail) => _fail = fail;

    public JsonNode? Convert(YamlNode node, Type target, string path)
    {
        target = Nullable.GetUnderlyingType(target) ?? target;
        return node switch
        {
            YamlScalarNode scalar => ConvertScalar(scalar, target, path),
            YamlMappingNode mapping => ConvertMapping(mapping, target, path),
            YamlSequenceNode sequence => ConvertSequence(sequence, target, path),
            _ => throw _fail(Line(node), $"unsupported YAML node at {DisplayPath(path)}"),
        };
    }

    private JsonNode? ConvertScalar(YamlScalarNode scalar, Type target, string path)
    {
        var text = scalar.Value ?? string.Empty;
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (plain && IsNull(text))
        {
            return null;
        }

        if (target == typeof(string) || target == typeof(ResourceQuantity) || target == typeof(byte[]) || target == typeof(DateTime))
        {
            return JsonValue.Create(text);
        }

        if (target == typeof(IntOrString))
        {
            return plain && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(text);
        }

        if (target == typeof(bool))
        {
            return plain && TryParseBool(text, out var flag)
                ? JsonValue.Create(flag)
                : throw WrongType(scalar, path, "a boolean (true or false)");
        }

        if (target == typeof(int) || target == typeof(long))
        {
            return plain && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? JsonValue.Create(integer)
                : throw WrongType(scalar, path, "an integer");
        }

        if (target == typeof(double) || target == typeof(float) || target == typeof(decimal))
        {
            return plain && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                ? JsonValue.Create(real)
                : throw WrongType(scalar, path, "a number");
        }

        if (target == typeof(object))
        {
            return InferScalar(text, plain);
        }

        throw WrongType(scalar, path, DescribeShape(target));
    }

    private JsonNode ConvertMapping(YamlMappingNode mapping, Type target, string path)
    {
        var result = new JsonObject();
        if (TryGetDictionaryValueType(target, out var valueType))
        {
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = KeyOf(keyNode, path);
                Add(result, key, Convert(valueNode, valueType, $"{path}[{key}]"), keyNode, path);
            }

            return result;
        }

        if (target == typeof(object))
        {
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = KeyOf(keyNode, path);
                Add(result, key, Convert(valueNode, typeof(object), $"{path}.{key}"), keyNode, path);
            }

            return result;
        }

        if (!KubernetesModelTypes.IsModel(target))
        {
            throw WrongType(mapping, path, DescribeShape(target));
        }

        var properties = KubernetesModelTypes.PropertiesOf(target);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = KeyOf(keyNode, path);
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!properties.TryGetValue(key, out var property))
            {
                throw _fail(Line(keyNode), $"unknown field \"{childPath}\"");
            }

            Add(result, key, Convert(valueNode, property.PropertyType, childPath), keyNode, path);
        }

        return result;
    }

    private JsonNode ConvertSequence(YamlSequenceNode sequence, Type target, string path)
    {
        var elementType = ElementTypeOf(target) ?? throw WrongType(sequence, path, DescribeShape(target));
        var result = new JsonArray();
        var index = 0;
        foreach (var item in sequence.Children)
        {
            result.Add(Convert(item, elementType, $"{path}[{index++}]"));
        }

        return result;
    }

    private void Add(JsonObject target, string key, JsonNode? value, YamlNode keyNode, string path)
    {
        if (target.ContainsKey(key))
        {
            throw _fail(Line(keyNode), $"duplicate field \"{(path.Length == 0 ? key : $"{path}.{key}")}\"");
        }

        target[key] = value;
    }

    private string KeyOf(YamlNode keyNode, string path) =>
        keyNode is YamlScalarNode { Value: { } key }
            ? key
            : throw _fail(Line(keyNode), $"a key under {DisplayPath(path)} is not a plain string");

    private ManifestException WrongType(YamlNode node, string path, string expected) =>
        _fail(Line(node), $"{DisplayPath(path)} must be {expected}, found {Describe(node)}");

    private static string DisplayPath(string path) => path.Length == 0 ? "the document" : $"\"{path}\"";

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"\"{scalar.Value}\"",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "something else",
    };

    private static string DescribeShape(Type target)
    {
        if (ElementTypeOf(target) is not null)
        {
            return "a list";
        }

        return TryGetDictionaryValueType(target, out _) || KubernetesModelTypes.IsModel(target) ? "a mapping" : "a value";
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static JsonNode? InferScalar(string text, bool plain)
    {
        if (!plain)
        {
            return JsonValue.Create(text);
        }

        if (IsNull(text))
        {
            return null;
        }

        if (TryParseBool(text, out var flag))
        {
            return JsonValue.Create(flag);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real)
            ? JsonValue.Create(real)
            : JsonValue.Create(text);
    }

    private static bool TryGetDictionaryValueType(Type type, out Type valueType)
    {
        var found = KubernetesModelTypes.DictionaryValueTypeOf(type);
        valueType = found ?? typeof(object);
        return found is not null;
    }

    private static Type? ElementTypeOf(Type type) => KubernetesModelTypes.ListElementTypeOf(type);
}
