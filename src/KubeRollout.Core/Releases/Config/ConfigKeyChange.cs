namespace KubeRollout.Core.Releases.Config;

public enum ConfigKeyChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>
/// One key of a ConfigMap or Secret that differs between two versions of its data. A ConfigMap's text values are
/// given (binary ones by size); a Secret's never are, not even as a hash: <see cref="ValueHidden"/> is set and
/// <see cref="From"/> and <see cref="To"/> are null.
/// </summary>
public sealed record ConfigKeyChange(string Key, ConfigKeyChangeKind Change, string? From, string? To, bool ValueHidden)
{
    private const int ShownLength = 60;

    public override string ToString() => (Change, ValueHidden) switch
    {
        (_, true) => $"{Sign} {Key} (value hidden)",
        (ConfigKeyChangeKind.Added, _) => $"+ {Key}: {Shorten(To)}",
        (ConfigKeyChangeKind.Removed, _) => $"- {Key}: {Shorten(From)}",
        _ => $"~ {Key}: {Shorten(From)} -> {Shorten(To)}",
    };

    private string Sign => Change switch
    {
        ConfigKeyChangeKind.Added => "+",
        ConfigKeyChangeKind.Removed => "-",
        _ => "~",
    };

    /// <summary>A value on one line: line breaks and tabs written as escapes, long values cut with their length.</summary>
    private static string Shorten(string? value)
    {
        var oneLine = (value ?? string.Empty).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return oneLine.Length <= ShownLength ? oneLine : $"{oneLine[..ShownLength]}… ({value!.Length} characters)";
    }
}
