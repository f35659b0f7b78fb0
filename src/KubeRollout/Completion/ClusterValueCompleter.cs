using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Completion;

namespace KubeRollout.Completion;

/// <summary>
/// Completes -Namespace and -Node with the namespaces and nodes of the cluster, and -Context with the contexts of
/// the kubeconfig (read from the file; the cluster is not called).
/// </summary>
public sealed class ClusterValueCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var options = CompletionConnection.For(commandName, fakeBoundParameters);
        IReadOnlyList<string> values = parameterName switch
        {
            "Namespace" => ClusterCompletions.Namespaces(options),
            "Node" => ClusterCompletions.Nodes(options),
            "Context" => ClusterCompletions.Contexts(options.KubeConfigPath),
            _ => [],
        };
        return CompletionResults.Of(CompletionCandidates.StartingWith(wordToComplete, values, value => $"{parameterName.ToLowerInvariant()} {value}"));
    }
}
