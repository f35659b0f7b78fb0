using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Completion;

namespace KubeRollout.Completion;

/// <summary>Completes -Namespace with the namespaces of the cluster.</summary>
public sealed class NamespaceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.StartingWith(wordToComplete, ClusterCompletions.Namespaces(CompletionConnection.For(commandName, fakeBoundParameters)), name => $"namespace {name}");
}
