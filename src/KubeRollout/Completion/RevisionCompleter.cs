using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Completion;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Completion;

/// <summary>Completes a revision number (-ToRevision, -Revision) with the revisions of the workload named by -Name, newest first.</summary>
public sealed class RevisionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var kind = Enum.TryParse<WorkloadKind>(CompletionConnection.Value(commandName, fakeBoundParameters, "Kind"), true, out var given)
            ? given
            : Enum.Parse<WorkloadKind>(ModuleCommands.Of(commandName).Kinds.DefaultKind);
        if (CompletionCandidates.RevisionsOf(CompletionConnection.Value(commandName, fakeBoundParameters, "Name"), kind) is not { } workload)
        {
            return [];
        }

        var revisions = ClusterCompletions.Revisions(CompletionConnection.For(commandName, fakeBoundParameters), workload.Kind, workload.Name);
        return CompletionResults.Of(CompletionCandidates.Revisions(wordToComplete, revisions));
    }
}
