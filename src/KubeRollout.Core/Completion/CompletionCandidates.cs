using System.Globalization;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Completion;

/// <summary>One value Tab offers, with the tooltip shown beside it and, where it differs, the text of its menu entry.</summary>
public sealed record CompletionCandidate(string Text, string ToolTip, string? ListItem = null)
{
    public string ListItemText => ListItem ?? Text;
}

/// <summary>What Tab offers for the word typed so far, from values read from the cluster (pure; the cmdlets' completers only wrap them).</summary>
public static class CompletionCandidates
{
    /// <summary>The values that start with the word (quotes around it ignored, any case), in the order given.</summary>
    public static IReadOnlyList<CompletionCandidate> StartingWith(string word, IEnumerable<string> values, Func<string, string> toolTip)
    {
        var typed = Unquoted(word);
        return values.Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Select(v => new CompletionCandidate(v, toolTip(v))).ToList();
    }

    /// <summary>
    /// Workload names for -Name: after TYPE/ the names of that kind (sts/, ds/, deploy/ and kubectl's other spellings);
    /// with -Kind the names of that kind; otherwise the bare names of the command's default kind, then the TYPE/NAME
    /// forms of the other kinds it works on.
    /// </summary>
    /// <param name="names">The names of the workloads of one kind in the namespace.</param>
    public static IReadOnlyList<CompletionCandidate> WorkloadNames(
        string word, WorkloadKind defaultKind, IReadOnlyList<WorkloadKind> accepted, WorkloadKind? given, Func<WorkloadKind, IReadOnlyList<string>> names)
    {
        var typed = Unquoted(word);
        var slash = typed.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var prefix = typed[..(slash + 1)];
            return WorkloadReference.TryParseKind(typed[..slash], out var kind)
                ? StartingWith(typed, names(kind).Select(name => prefix + name), text => text)
                : [];
        }

        if (given is { } asked)
        {
            return StartingWith(typed, names(asked), name => $"{asked} {name}");
        }

        var bare = accepted.Contains(defaultKind) ? StartingWith(typed, names(defaultKind), name => $"{defaultKind} {name}") : [];
        var others = accepted.Where(k => k != defaultKind)
            .SelectMany(k => names(k).Where(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Select(name => $"{WorkloadReference.ShortKind(k)}/{name}"))
            .Select(text => new CompletionCandidate(text, text));
        return [.. bare, .. others];
    }

    /// <summary>The workload whose revisions complete -ToRevision or -Revision: none for a pattern or a name that cannot be one.</summary>
    public static WorkloadReference? RevisionsOf(string? name, WorkloadKind kind)
    {
        if (name is null || WildcardName.HasWildcards(name))
        {
            return null;
        }

        try
        {
            return WorkloadReference.Parse(name, kind, string.Empty);
        }
        catch (KubeRolloutException)
        {
            return null;
        }
    }

    /// <summary>Revision numbers that start with the word, as given (newest first), the current one marked, images and change cause as tooltip.</summary>
    public static IReadOnlyList<CompletionCandidate> Revisions(string word, IEnumerable<RolloutRevision> revisions) =>
        revisions
            .Select(r => (Number: r.Revision.ToString(CultureInfo.InvariantCulture), Revision: r))
            .Where(r => r.Number.StartsWith(word, StringComparison.Ordinal))
            .Select(r => new CompletionCandidate(
                r.Number,
                $"revision {r.Number}: {string.Join(", ", r.Revision.Images)}; {r.Revision.ChangeCause ?? "<none>"}",
                $"{r.Number}{(r.Revision.IsCurrent ? " (current)" : string.Empty)}"))
            .ToList();

    private static string Unquoted(string word) => word.Trim('\'', '"');
}
