using System.Globalization;

namespace KubeRollout.Core.Rollouts;

/// <summary>How a planned undo describes itself to the user (the -WhatIf and -Confirm text), from the plan only.</summary>
public static class UndoDescription
{
    /// <param name="plan">What the undo would do (a dry-run result).</param>
    public static string Of(UndoResult plan)
    {
        var target = $"{plan.Kind.ToString().ToLowerInvariant()}.apps/{plan.Name} in namespace {plan.Namespace}";
        if (plan.Skipped)
        {
            return $"{target}: {plan.Message}";
        }

        var changes = plan.Changes.Count == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, plan.Changes.Select(c => $"    {c}"));
        return $"{target}: roll back from revision {plan.FromRevision?.ToString(CultureInfo.InvariantCulture) ?? "?"} to revision {plan.ToRevision.ToString(CultureInfo.InvariantCulture)}{changes}";
    }
}
