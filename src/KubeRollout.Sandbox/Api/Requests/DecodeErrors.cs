using System.Text.Json;
using System.Text.RegularExpressions;
using KubeRollout.Sandbox.Schema;

namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>
/// Rewords a failed typed deserialization the way Go's JSON decoder reports it:
/// <c>json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32</c>.
/// </summary>
internal static partial class DecodeErrors
{
    public static string Describe(JsonElement root, Type modelType, JsonException error)
    {
        var segments = PathSegments(error.Path);
        var shape = ModelShape.Of(modelType);
        var owner = modelType;
        var element = root;
        var jsonPath = new List<string>();
        foreach (var segment in segments)
        {
            if (segment.Index is { } index)
            {
                if (shape.Kind != ShapeKind.List || element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                {
                    break;
                }

                shape = shape.Element!;
                element = element[index];
                continue;
            }

            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment.Name!, out var child))
            {
                break;
            }

            switch (shape.Kind)
            {
                case ShapeKind.Struct when shape.Field(segment.Name!) is { } field:
                    owner = shape.Model!;
                    shape = field.Shape;
                    break;
                case ShapeKind.Map:
                    shape = shape.Element!;
                    break;
                default:
                    return $"json: cannot unmarshal {error.Path}";
            }

            jsonPath.Add(segment.Name!);
            element = child;
        }

        return jsonPath.Count == 0
            ? $"json: cannot unmarshal {JsonKind(element)} into Go value of type {GoType(shape)}"
            : $"json: cannot unmarshal {JsonKind(element)} into Go struct field {GoTypeName(owner)}.{string.Join(".", jsonPath)} of type {GoType(shape)}";
    }

    private static string JsonKind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static string GoType(ModelShape shape) => shape.Kind switch
    {
        ShapeKind.Scalar => shape.Scalar switch
        {
            ScalarKind.String => "string",
            ScalarKind.Integer32 => "int32",
            ScalarKind.Integer64 => "int64",
            ScalarKind.Number => "float64",
            ScalarKind.Boolean => "bool",
            ScalarKind.DateTime => "v1.Time",
            ScalarKind.Bytes => "[]uint8",
            ScalarKind.IntOrString => "intstr.IntOrString",
            _ => "resource.Quantity",
        },
        ShapeKind.List => "[]" + GoType(shape.Element!),
        ShapeKind.Map => "map[string]" + GoType(shape.Element!),
        ShapeKind.Struct => "v1." + GoTypeName(shape.Model!),
        _ => "interface {}",
    };

    /// <summary>V1DeploymentSpec → DeploymentSpec, Corev1Event → Event.</summary>
    private static string GoTypeName(Type type) => VersionPrefix().Replace(type.Name, string.Empty);

    private static List<(string? Name, int? Index)> PathSegments(string? path)
    {
        var segments = new List<(string? Name, int? Index)>();
        foreach (Match match in PathSegment().Matches(path ?? string.Empty))
        {
            if (match.Groups["index"].Success)
            {
                segments.Add((null, int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                segments.Add((match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["quoted"].Value, null));
            }
        }

        return segments;
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();

    [GeneratedRegex(@"^(V\d+(alpha\d+|beta\d+)?|Corev1)")]
    private static partial Regex VersionPrefix();
}
