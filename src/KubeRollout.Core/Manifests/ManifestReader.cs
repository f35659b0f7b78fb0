using System.Text.Json;
using System.Text.Json.Nodes;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Yaml;
using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeRollout.Core.Manifests;

/// <summary>
/// Reads YAML or JSON manifest files (one or many documents each) into typed <see cref="ManifestObject"/>s.
/// Reading is all or nothing per file: the first problem fails the whole file, so nothing of it is applied.
/// Every file is checked against <see cref="YamlBounds"/> first, so that no file can take the session down.
/// </summary>
public static class ManifestReader
{
    public static IReadOnlyList<ManifestObject> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new KubeRolloutException(
                "ManifestFileNotFound", FailureKind.ObjectNotFound, $"The manifest file '{path}' does not exist.", path);
        }

        string text;
        try
        {
            text = YamlBounds.ReadFile(path);
        }
        catch (YamlBoundsException e)
        {
            throw OutOfBounds(e, text: null, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeRolloutException(
                "ManifestFileUnreadable", FailureKind.ReadError, $"The manifest file '{path}' cannot be read: {e.Message}", path, e);
        }

        return ReadText(text, path);
    }

    public static IReadOnlyList<ManifestObject> ReadText(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            YamlBounds.Check(text);
            stream.Load(new StringReader(text));
        }
        catch (YamlBoundsException e)
        {
            throw OutOfBounds(e, text, path);
        }
        catch (YamlException e)
        {
            var location = new ManifestLocation(path, DocumentNumberAt(text, (int)e.Start.Index), (int)e.Start.Line);
            throw new ManifestException("ManifestYamlInvalid", FailureKind.InvalidData, location, $"the YAML does not parse: {Innermost(e).Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet reports some malformed input (an unclosed flow mapping, for one) without a position.
            var (line, index, reason) = YamlParseFailure.Explain(text, e);
            throw new ManifestException("ManifestYamlInvalid", FailureKind.InvalidData, new ManifestLocation(path, DocumentNumberAt(text, (int)index), line), $"the YAML does not parse: {reason}", e);
        }

        var objects = new List<ManifestObject>();
        var documentNumber = 0;
        foreach (var document in stream.Documents)
        {
            documentNumber++;
            if (document.RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                continue; // an empty document, as between two "---" lines
            }

            objects.AddRange(ReadDocument(document.RootNode, path, documentNumber));
        }

        return objects;
    }

    private static IEnumerable<ManifestObject> ReadDocument(YamlNode root, string path, int documentNumber)
    {
        ManifestException Fail(string errorId, int line, string reason) =>
            new(errorId, FailureKind.InvalidData, new ManifestLocation(path, documentNumber, line), reason);

        if (root is not YamlMappingNode mapping)
        {
            throw Fail("ManifestNotAnObject", (int)root.Start.Line, "the document is not a Kubernetes object (expected a mapping with apiVersion and kind)");
        }

        var apiVersion = ScalarField(mapping, "apiVersion");
        var kind = ScalarField(mapping, "kind");
        var line = (int)root.Start.Line;
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            throw Fail("ManifestKindMissing", line, "the object has no apiVersion or no kind");
        }

        if (kind == "List" && apiVersion == "v1")
        {
            return ReadList(mapping, path, documentNumber);
        }

        var modelType = KubernetesModelTypes.Find(apiVersion, kind);
        if (modelType is null)
        {
            var known = KubernetesModelTypes.ApiVersionsOf(kind).ToList();
            var hint = known.Count > 0 ? $" (kind {kind} is served as {string.Join(", ", known)})" : string.Empty;
            throw Fail("ManifestKindUnknown", line, $"no matches for kind \"{kind}\" in version \"{apiVersion}\"{hint}");
        }

        var converter = new SchemaGuidedYamlConverter((at, reason) => Fail("ManifestFieldInvalid", at, reason));
        var json = (JsonObject)converter.Convert(mapping, modelType, string.Empty)!;
        IKubernetesObject<V1ObjectMeta> typed;
        try
        {
            typed = (IKubernetesObject<V1ObjectMeta>)DeserializeAs(json, modelType);
        }
        catch (JsonException e)
        {
            throw Fail("ManifestFieldInvalid", line, $"the object does not fit {kind}: {e.Message}");
        }

        if (string.IsNullOrEmpty(typed.Metadata?.Name))
        {
            throw Fail("ManifestNameMissing", line, $"the {kind} has no metadata.name");
        }

        return [new ManifestObject(typed, json, new ManifestLocation(path, documentNumber, line))];
    }

    private static IEnumerable<ManifestObject> ReadList(YamlMappingNode list, string path, int documentNumber)
    {
        var items = list.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "items" }).Value;
        if (items is YamlSequenceNode sequence)
        {
            return sequence.Children.SelectMany(item => ReadDocument(item, path, documentNumber)).ToList();
        }

        return [];
    }

    internal static object DeserializeAs(JsonObject json, Type modelType)
    {
        var deserialize = typeof(KubernetesJson)
            .GetMethod(nameof(KubernetesJson.Deserialize), [typeof(JsonNode), typeof(JsonSerializerOptions)])!
            .MakeGenericMethod(modelType);
        try
        {
            return deserialize.Invoke(null, [json, null])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw inner as JsonException ?? new JsonException(inner.Message, inner);
        }
    }

    private static string? ScalarField(YamlMappingNode mapping, string name) =>
        mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode key && key.Value == name).Value is YamlScalarNode value
            ? value.Value
            : null;

    private static ManifestException OutOfBounds(YamlBoundsException e, string? text, string path)
    {
        var document = text is null || e.Line == 0 ? 1 : DocumentNumberAt(text, IndexOfLine(text, e.Line));
        var errorId = e.Limit == YamlLimit.Depth ? "ManifestTooDeep" : "ManifestTooLarge";
        return new ManifestException(errorId, FailureKind.LimitsExceeded, new ManifestLocation(path, document, e.Line), e.Message, e);
    }

    private static int IndexOfLine(string text, int line)
    {
        var index = 0;
        for (var current = 1; current < line && index >= 0; current++)
        {
            index = text.IndexOf('\n', index) is var next and >= 0 ? next + 1 : -1;
        }

        return Math.Max(index, 0);
    }

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;

    private static int DocumentNumberAt(string text, int index)
    {
        var number = 1;
        var reader = new StringReader(text[..Math.Min(index, text.Length)]);
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("---", StringComparison.Ordinal) && !first)
            {
                number++;
            }

            first = false;
        }

        return number;
    }
}
