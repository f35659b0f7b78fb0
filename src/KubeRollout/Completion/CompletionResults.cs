using System.Management.Automation;
using KubeRollout.Core.Completion;

namespace KubeRollout.Completion;

/// <summary>Core's completion candidates as PowerShell's completion results, in the order given.</summary>
internal static class CompletionResults
{
    public static IEnumerable<CompletionResult> Of(IEnumerable<CompletionCandidate> candidates) =>
        candidates.Select(c => new CompletionResult(c.Text, c.ListItemText, CompletionResultType.ParameterValue, c.ToolTip));
}
