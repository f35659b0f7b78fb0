using System.Text.Json.Nodes;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// The keys added, changed and removed between two versions of a ConfigMap's or Secret's data (data and binaryData;
/// a Secret's stringData as the server folds it into data). Secret values are compared but never copied into the
/// result.
/// </summary>
public static class ConfigDataDiff
{
    /// <param name="before">The object before (null: it did not exist, every key is added).</param>
    /// <param name="after">The object after (null: it is gone, every key is removed).</param>
    public static IReadOnlyList<ConfigKeyChange> Between(JsonObject? before, JsonObject? after)
    {
        var hidden = (before is not null && ConfigData.IsSecret(before)) || (after is not null && ConfigData.IsSecret(after));
        var old = before is null ? new Dictionary<string, ConfigValue>() : ConfigData.Values(before);
        var now = after is null ? new Dictionary<string, ConfigValue>() : ConfigData.Values(after);
        var changes = new List<ConfigKeyChange>();
        foreach (var key in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var had = old.TryGetValue(key, out var from);
            var has = now.TryGetValue(key, out var to);
            var kind = (had, has) switch
            {
                (false, _) => ConfigKeyChangeKind.Added,
                (_, false) => ConfigKeyChangeKind.Removed,
                _ when !from!.SameAs(to!) => ConfigKeyChangeKind.Changed,
                _ => (ConfigKeyChangeKind?)null,
            };
            if (kind is { } change)
            {
                changes.Add(hidden
                    ? new ConfigKeyChange(key, change, null, null, ValueHidden: true)
                    : new ConfigKeyChange(key, change, Shown(from), Shown(to), ValueHidden: false));
            }
        }

        return changes;
    }

    private static string? Shown(ConfigValue? value) => value switch
    {
        null => null,
        { TextValue: { } text } => text,
        _ => value.ToString(), // binary data by its size
    };
}
