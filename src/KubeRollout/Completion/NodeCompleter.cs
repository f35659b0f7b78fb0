using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Completion;

namespace KubeRollout.Completion;

/// <summary>Completes -Node with the nodes of the cluster.</summary>
public sealed class NodeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.StartingWith(wordToComplete, ClusterCompletions.Nodes(CompletionConnection.For(commandName, fakeBoundParameters)), name => $"node {name}");
}
