using System.Text.Json.Nodes;

namespace KubeRollout.Core.Apply;

/// <summary>
/// The declarative merge of <c>kubectl apply</c>, computed on the client: the result is the live object with every
/// field the manifest sets taken from the manifest, every field the previous apply set but the manifest no longer
/// does removed, and everything else (server defaults, fields others set) kept. Lists of named things merge by
/// key (containers by name, volumeMounts by mountPath, …); other lists are replaced whole.
/// </summary>
public static class ThreeWayMerge
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["imagePullSecrets"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["hostAliases"] = "ip",
    };

    /// <param name="lastApplied">What the previous apply set (null when there was none).</param>
    /// <param name="desired">What the manifest sets now.</param>
    /// <param name="live">The object as the server has it.</param>
    public static JsonObject Merge(JsonObject? lastApplied, JsonObject desired, JsonObject live) =>
        (JsonObject)MergeNode(lastApplied, desired, live, fieldName: string.Empty)!;

    private static JsonNode? MergeNode(JsonNode? last, JsonNode? desired, JsonNode? live, string fieldName)
    {
        if (desired is JsonObject desiredObject && live is JsonObject liveObject)
        {
            var result = (JsonObject)liveObject.DeepClone();
            var lastObject = last as JsonObject;
            foreach (var (key, value) in desiredObject)
            {
                if (value is null)
                {
                    result.Remove(key);
                    continue;
                }

                result[key] = MergeNode(lastObject?[key], value, liveObject[key], key);
            }

            foreach (var (key, _) in lastObject ?? [])
            {
                if (!desiredObject.ContainsKey(key))
                {
                    result.Remove(key);
                }
            }

            return result;
        }

        if (desired is JsonArray desiredArray && live is JsonArray liveArray && KeyFor(fieldName, desiredArray, liveArray) is { } mergeKey)
        {
            return MergeList(last as JsonArray, desiredArray, liveArray, mergeKey);
        }

        return desired?.DeepClone();
    }

    private static JsonArray MergeList(JsonArray? last, JsonArray desired, JsonArray live, string key)
    {
        var result = new JsonArray();
        var desiredKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in desired)
        {
            var itemKey = KeyOf(item, key);
            desiredKeys.Add(itemKey ?? string.Empty);
            result.Add(MergeNode(Find(last, key, itemKey), item, Find(live, key, itemKey), key));
        }

        foreach (var item in live)
        {
            var itemKey = KeyOf(item, key);
            if (itemKey is not null && !desiredKeys.Contains(itemKey) && Find(last, key, itemKey) is null)
            {
                result.Add(item!.DeepClone()); // added by someone else: kept
            }
        }

        return result;
    }

    private static string? KeyFor(string fieldName, JsonArray desired, JsonArray live)
    {
        if (MergeKeys.TryGetValue(fieldName, out var key))
        {
            return key;
        }

        if (fieldName == "ports")
        {
            var items = desired.Concat(live).OfType<JsonObject>().ToList();
            return items.All(i => i.ContainsKey("containerPort")) ? "containerPort"
                : items.All(i => i.ContainsKey("port")) ? "port"
                : null;
        }

        return null;
    }

    private static JsonNode? Find(JsonArray? items, string key, string? value) =>
        value is null ? null : items?.FirstOrDefault(item => KeyOf(item, key) == value);

    private static string? KeyOf(JsonNode? item, string key) => (item as JsonObject)?[key]?.ToJsonString();
}
