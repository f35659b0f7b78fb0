namespace KubeRollout.Sandbox.Machinery.Objects;

/// <summary>Lookups in the models' label and annotation maps (IDictionary, possibly null).</summary>
public static class StringMaps
{
    public static string? ValueOrNull(this IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    public static bool SameAs(this IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value));
}
