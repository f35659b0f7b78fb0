using System.Text.Json;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Patching;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>The parsed body of a PATCH request, ready to be applied to the current object.</summary>
internal sealed class PatchDocument
{
    private PatchDocument(BodyFormat format, JsonNode body, IReadOnlyList<string> duplicates)
    {
        Format = format;
        Body = body;
        Duplicates = duplicates;
    }

    public BodyFormat Format { get; }

    public JsonNode Body { get; }

    /// <summary>Keys given twice in the patch itself (reported like the result's unknown fields).</summary>
    public IReadOnlyList<string> Duplicates { get; }

    public static PatchDocument Parse(BodyFormat format, byte[] bytes)
    {
        // An apply body is YAML, of which JSON is a subset; JSON is parsed directly to keep its exact numbers.
        var isYaml = format == BodyFormat.ApplyPatch && !LooksLikeJson(bytes);
        using var body = RequestBody.Parse(bytes, isYaml ? BodyFormat.Yaml : BodyFormat.Json, ApiErrors.BadRequest);
        var node = body.ToNode();
        switch (format)
        {
            case BodyFormat.JsonPatch when node is not JsonArray:
                throw ApiErrors.BadRequest($"json: cannot unmarshal {body.Root.ValueKind.ToString().ToLowerInvariant()} into Go value of type jsonpatch.Patch");
            case not BodyFormat.JsonPatch when node is not JsonObject:
                throw ApiErrors.BadRequest($"json: cannot unmarshal {body.Root.ValueKind.ToString().ToLowerInvariant()} into Go value of type map[string]interface {{}}");
        }

        return new PatchDocument(format, node!, DuplicateKeys(body.Root));
    }

    /// <summary>Applies the patch to <paramref name="current"/> (null: the object does not exist; apply only).</summary>
    public JsonObject ApplyTo(JsonObject? current, Type modelType, string fieldManager, bool force, DateTime now)
    {
        var result = Format switch
        {
            BodyFormat.JsonPatch => JsonPatch.Apply(current!, Body.DeepClone()),
            BodyFormat.MergePatch => JsonMergePatch.Apply(current, Body.DeepClone()),
            BodyFormat.StrategicMergePatch => StrategicMergePatch.Apply(current!, (JsonObject)Body.DeepClone(), modelType),
            BodyFormat.ApplyPatch => ServerSideApply.Apply(current, (JsonObject)Body.DeepClone(), modelType, fieldManager, force, now),
            _ => throw new InvalidOperationException($"{Format} is not a patch format."),
        };
        return result as JsonObject ?? throw ApiErrors.BadRequest("the patch does not result in an object");
    }

    private static bool LooksLikeJson(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    private static List<string> DuplicateKeys(JsonElement root)
    {
        var duplicates = new List<string>();
        Walk(root, string.Empty, duplicates);
        return duplicates;

        static void Walk(JsonElement element, string path, List<string> duplicates)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        duplicates.Add($"duplicate field \"{childPath}\"");
                    }

                    Walk(property.Value, childPath, duplicates);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", duplicates);
                }
            }
        }
    }
}
