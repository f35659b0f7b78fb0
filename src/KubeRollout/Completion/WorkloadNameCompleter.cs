using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Completion;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Completion;

/// <summary>
/// Completes -Name with the workloads of the cluster that the command works on: bare names of its default kind,
/// TYPE/NAME forms (sts/, ds/, deploy/ and kubectl's other spellings) of the other kinds, or names of -Kind.
/// </summary>
public sealed class WorkloadNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var options = CompletionConnection.For(commandName, fakeBoundParameters);
        var kinds = ModuleCommands.Of(commandName).Kinds;
        WorkloadKind? given = Enum.TryParse<WorkloadKind>(CompletionConnection.Value(commandName, fakeBoundParameters, "Kind"), true, out var kind) ? kind : null;
        return CompletionResults.Of(CompletionCandidates.WorkloadNames(
            wordToComplete,
            Enum.Parse<WorkloadKind>(kinds.DefaultKind),
            kinds.Accepted.Select(k => Enum.Parse<WorkloadKind>(k)).ToList(),
            given,
            k => ClusterCompletions.WorkloadNames(options, k)));
    }
}
