using System.Text.Json;
using KubeRollout.Sandbox.Schema;

namespace KubeRollout.Sandbox.Api.Validation;

/// <summary>
/// Finds the fields of a JSON body that the model type does not declare and the keys given twice in one object,
/// worded as the API server's strict decoder words them (<c>unknown field "spec.foo"</c>, <c>duplicate field "spec.replicas"</c>).
/// </summary>
internal static class FieldValidator
{
    public static IReadOnlyList<string> Check(JsonElement root, Type modelType)
    {
        var problems = new List<string>();
        Walk(root, ModelShape.Of(modelType), string.Empty, problems);
        return problems;
    }

    private static void Walk(JsonElement element, ModelShape shape, string path, List<string> problems)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Struct when element.ValueKind == JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var fieldPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        problems.Add($"duplicate field \"{fieldPath}\"");
                        continue;
                    }

                    if (shape.Field(property.Name) is { } field)
                    {
                        Walk(property.Value, field.Shape, fieldPath, problems);
                    }
                    else
                    {
                        problems.Add($"unknown field \"{fieldPath}\"");
                    }
                }

                break;
            case ShapeKind.Map when element.ValueKind == JsonValueKind.Object:
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in element.EnumerateObject())
                {
                    var entryPath = $"{path}[{entry.Name}]";
                    if (!keys.Add(entry.Name))
                    {
                        problems.Add($"duplicate field \"{entryPath}\"");
                        continue;
                    }

                    Walk(entry.Value, shape.Element!, entryPath, problems);
                }

                break;
            case ShapeKind.List when element.ValueKind == JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, shape.Element!, $"{path}[{index++}]", problems);
                }

                break;
        }
    }
}
