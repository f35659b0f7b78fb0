using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Completion;

namespace KubeRollout.Completion;

/// <summary>Completes -Context with the contexts of the kubeconfig, read from the file; the cluster is not called.</summary>
public sealed class ContextCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.StartingWith(wordToComplete, ClusterCompletions.Contexts(CompletionConnection.For(commandName, fakeBoundParameters).KubeConfigPath), name => $"context {name}");
}
