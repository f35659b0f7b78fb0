using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching;

/// <summary>
/// RFC 6902 JSON patch (application/json-patch+json), as kubectl rollout undo sends it for Deployments.
/// A malformed operation list is a 400 BadRequest; an operation that does not apply to the document is a 422,
/// with messages in the words of the patch library the API server uses.
/// </summary>
public static class JsonPatch
{
    /// <summary>Applies the operations to a copy of <paramref name="document"/>; a failing op throws StoreException (422/400).</summary>
    public static JsonNode Apply(JsonNode document, JsonNode operations)
    {
        if (operations is not JsonArray list)
        {
            throw PatchErrors.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        JsonNode? result = document.DeepClone();
        foreach (var item in list)
        {
            if (item is not JsonObject operation)
            {
                throw PatchErrors.BadRequest("json: cannot unmarshal non-object into Go value of type jsonpatch.Operation");
            }

            result = ApplyOne(result, operation);
        }

        return result ?? throw PatchErrors.Unprocessable("the patch removed the whole document");
    }

    private static JsonNode? ApplyOne(JsonNode? doc, JsonObject operation)
    {
        var op = StringMember(operation, "op") ?? throw PatchErrors.BadRequest("Unexpected kind: missing op");
        var path = StringMember(operation, "path") ?? throw PatchErrors.BadRequest($"{op} operation: missing path");
        switch (op)
        {
            case "add":
                return Add(doc, path, RequiredValue(operation, op), op);
            case "remove":
                Take(doc, path, op);
                return doc;
            case "replace":
                return Replace(doc, path, RequiredValue(operation, op));
            case "move":
            {
                var from = StringMember(operation, "from") ?? throw PatchErrors.BadRequest("move operation: missing from");
                if (path.StartsWith(from + "/", StringComparison.Ordinal))
                {
                    throw PatchErrors.Unprocessable($"move operation does not apply: from \"{from}\" is a prefix of path \"{path}\"");
                }

                var moved = Take(doc, from, op);
                return Add(doc, path, moved, op);
            }

            case "copy":
            {
                var from = StringMember(operation, "from") ?? throw PatchErrors.BadRequest("copy operation: missing from");
                var copied = Resolve(doc, from) ?? throw PatchErrors.Unprocessable($"copy operation does not apply: doc is missing from path: {from}");
                return Add(doc, path, copied.Value?.DeepClone(), op);
            }

            case "test":
            {
                var expected = RequiredValue(operation, op);
                var actual = Resolve(doc, path);
                if (actual is null || !JsonNode.DeepEquals(actual.Value, expected))
                {
                    throw PatchErrors.Unprocessable($"testing value {path} failed: test failed");
                }

                return doc;
            }

            default:
                throw PatchErrors.BadRequest($"Unexpected kind: {op}");
        }
    }

    private static JsonNode? Add(JsonNode? doc, string path, JsonNode? value, string op)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            return value;
        }

        var parent = Parent(doc, tokens, path, op);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                var index = last == "-" ? array.Count : ArrayIndex(last, path, op);
                if (index < 0 || index > array.Count)
                {
                    throw PatchErrors.Unprocessable($"{op} operation does not apply: index out of range: {path}");
                }

                array.Insert(index, value);
                break;
            default:
                throw PatchErrors.Unprocessable($"{op} operation does not apply: doc is missing path: \"{path}\": missing value");
        }

        return doc;
    }

    private static JsonNode? Replace(JsonNode? doc, string path, JsonNode? value)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            return value;
        }

        var parent = Parent(doc, tokens, path, "replace");
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj[last] = value;
                break;
            case JsonArray array when last != "-" && ArrayIndex(last, path, "replace") is var i && i >= 0 && i < array.Count:
                array[i] = value;
                break;
            default:
                throw PatchErrors.Unprocessable($"replace operation does not apply: doc is missing key: {path}: missing value");
        }

        return doc;
    }

    /// <summary>Removes and returns the value at <paramref name="path"/>.</summary>
    private static JsonNode? Take(JsonNode? doc, string path, string op)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            throw PatchErrors.Unprocessable($"{op} operation does not apply: cannot remove the whole document");
        }

        var parent = Parent(doc, tokens, path, op);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                var value = obj[last];
                obj.Remove(last);
                return value;
            case JsonArray array when last != "-" && ArrayIndex(last, path, op) is var i && i >= 0 && i < array.Count:
                var item = array[i];
                array.RemoveAt(i);
                return item;
            default:
                throw PatchErrors.Unprocessable($"{op} operation does not apply: doc is missing path: \"{path}\": missing value");
        }
    }

    private static JsonNode? Parent(JsonNode? doc, IReadOnlyList<string> tokens, string path, string op)
    {
        var current = doc;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            current = Child(current, tokens[i], path, op)
                ?? throw PatchErrors.Unprocessable($"{op} operation does not apply: doc is missing path: \"{path}\": missing value");
        }

        return current;
    }

    /// <summary>The value at the pointer wrapped in a box (its value may be JSON null), or null when it does not exist.</summary>
    private static Found? Resolve(JsonNode? doc, string path)
    {
        var tokens = JsonPointer.Parse(path);
        var current = doc;
        foreach (var token in tokens)
        {
            switch (current)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    current = child;
                    break;
                case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    current = array[index];
                    break;
                default:
                    return null;
            }
        }

        return new Found(current);
    }

    private static JsonNode? Child(JsonNode? node, string token, string path, string op) => node switch
    {
        JsonObject obj => obj[token],
        JsonArray array when ArrayIndex(token, path, op) is var i && i >= 0 && i < array.Count => array[i],
        _ => null,
    };

    private static int ArrayIndex(string token, string path, string op)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || (token.Length > 1 && token[0] == '0'))
        {
            throw PatchErrors.Unprocessable($"{op} operation does not apply: invalid array index {token} in {path}");
        }

        return index;
    }

    private static string? StringMember(JsonObject operation, string name) =>
        operation[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonNode? RequiredValue(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw PatchErrors.BadRequest($"{op} operation: missing value");

    private sealed record Found(JsonNode? Value);
}
