using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Completion;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Completion;

/// <summary>Completes a revision number (-ToRevision, -Revision) with the revisions of the workload named by -Name, newest first.</summary>
public sealed class RevisionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var name = CompletionConnection.Value(commandName, fakeBoundParameters, "Name");
        if (name is null || WildcardName.HasWildcards(name))
        {
            return [];
        }

        var kind = Enum.TryParse<WorkloadKind>(CompletionConnection.Value(commandName, fakeBoundParameters, "Kind"), true, out var given)
            ? given
            : Enum.Parse<WorkloadKind>(ModuleCommands.Of(commandName).Kinds.DefaultKind);
        WorkloadReference workload;
        try
        {
            workload = WorkloadReference.Parse(name, kind, string.Empty);
        }
        catch (KubeRolloutException)
        {
            return [];
        }

        var revisions = ClusterCompletions.Revisions(CompletionConnection.For(commandName, fakeBoundParameters), workload.Kind, workload.Name);
        return revisions
            .Select(r => (Number: r.Revision.ToString(CultureInfo.InvariantCulture), Revision: r))
            .Where(r => r.Number.StartsWith(wordToComplete, StringComparison.Ordinal))
            .Select(r => new CompletionResult(
                r.Number,
                $"{r.Number}{(r.Revision.IsCurrent ? " (current)" : string.Empty)}",
                CompletionResultType.ParameterValue,
                $"revision {r.Number}: {string.Join(", ", r.Revision.Images)}; {r.Revision.ChangeCause ?? "<none>"}"));
    }
}
