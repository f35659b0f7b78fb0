using System.Management.Automation;

namespace KubeRollout.Completion;

/// <summary>Completion results for the values that start with what was typed, in the order given.</summary>
internal static class CompletionResults
{
    public static IEnumerable<CompletionResult> StartingWith(string wordToComplete, IEnumerable<string> values, Func<string, string> toolTip)
    {
        var word = wordToComplete.Trim('\'', '"');
        return values
            .Where(value => value.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, toolTip(value)));
    }
}
