using System.Text;

namespace KubeRollout.Core.Apply;

/// <summary>
/// How an apply describes itself to the user: per object what it will do with every field and data key that
/// changes (the -WhatIf and -Confirm text), and its warnings: a ConfigMap or Secret changed in place, and those the
/// plan put on the result (<see cref="ApplyResult.Warnings"/>). Built from results only, which never hold a Secret's
/// values.
/// </summary>
public static class ApplyDescription
{
    private const string Indent = "    ";

    /// <param name="restartDependents">Whether the workloads that read a config changed in place will be restarted.</param>
    public static string Of(ApplyResult result, bool restartDependents)
    {
        var text = new StringBuilder();
        text.Append($"{result.Kind.ToLowerInvariant()}/{result.Name}{(result.Namespace.Length == 0 ? string.Empty : $" in namespace {result.Namespace}")}: ");
        text.Append(result.Action switch
        {
            ApplyAction.Created when result.VersionOf is not null => $"create (immutable version of {result.VersionOf})",
            ApplyAction.Created => "create",
            ApplyAction.Configured when result.RolloutTriggered => "configure, rolling out a new revision",
            ApplyAction.Configured when result.ChangesConfigInPlace => "configure in place (no rollout)",
            ApplyAction.Configured => "configure (no rollout)",
            _ => "unchanged",
        });
        foreach (var change in result.Changes)
        {
            text.Append(Environment.NewLine).Append(Indent).Append(change);
        }

        if (result.Action == ApplyAction.Configured && result.Changes.Count == 0 && result.DataChanges.Count == 0)
        {
            text.Append(Environment.NewLine).Append(Indent).Append("~ no field changes: the write only renews the records of the applied configuration or values the server defaults");
        }

        if (result.DataChanges.Count > 0)
        {
            text.Append(Environment.NewLine).Append(Indent).Append("data:");
            foreach (var change in result.DataChanges)
            {
                text.Append(Environment.NewLine).Append(Indent).Append(Indent).Append(change);
            }
        }

        foreach (var warning in Warnings(result, restartDependents))
        {
            text.Append(Environment.NewLine).Append(Indent).Append(warning);
        }

        return text.ToString();
    }

    /// <summary>Every warning about the result, in the order they are written: the in-place config warning first.</summary>
    public static IReadOnlyList<string> Warnings(ApplyResult result, bool restartDependents) =>
        InPlaceWarning(result, restartDependents) is { } inPlace ? [inPlace, .. result.Warnings] : result.Warnings;

    /// <summary>
    /// For a ConfigMap or Secret whose data changes in place, what that means for the workloads that read it; null
    /// for anything else.
    /// </summary>
    public static string? InPlaceWarning(ApplyResult result, bool restartDependents)
    {
        if (!result.ChangesConfigInPlace)
        {
            return null;
        }

        var what = $"{result.Kind.ToLowerInvariant()}/{result.Name} is changed in place ({string.Join(", ", result.DataChanges.Select(c => $"{c.Change.ToString().ToLowerInvariant()} {c.Key}"))})";
        if (result.Dependents.Count == 0)
        {
            return $"{what}: no Deployment, StatefulSet or DaemonSet in namespace {result.Namespace} references it. No revision records the change, so Undo-KubeRollout cannot bring the old data back.";
        }

        var readers = string.Join(", ", result.Dependents);
        var effect = restartDependents
            ? "they are restarted, so that the new data rolls out as a recorded revision"
            : "no rollout happens: their running pods keep the old values in their environment and get the new files only later, " +
              "and Undo-KubeRollout cannot bring the old data back (use -RestartDependents to roll the change out, or -VersionConfig to version it)";
        return $"{what}, and {readers} {(result.Dependents.Count == 1 ? "references" : "reference")} it: {effect}.";
    }
}
