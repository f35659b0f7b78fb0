using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Completion;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

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
        var word = wordToComplete.Trim('\'', '"');
        var slash = word.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var prefix = word[..(slash + 1)];
            return WorkloadReference.TryParseKind(word[..slash], out var typed)
                ? CompletionResults.StartingWith(word, ClusterCompletions.WorkloadNames(options, typed).Select(name => prefix + name), text => text)
                : [];
        }

        if (CompletionConnection.Value(commandName, fakeBoundParameters, "Kind") is { } kindText && Enum.TryParse<WorkloadKind>(kindText, true, out var given))
        {
            return CompletionResults.StartingWith(word, ClusterCompletions.WorkloadNames(options, given), name => $"{given} {name}");
        }

        var defaultKind = Enum.Parse<WorkloadKind>(kinds.DefaultKind);
        var offered = kinds.Accepted.Select(k => Enum.Parse<WorkloadKind>(k)).ToList();
        var bare = offered.Contains(defaultKind) ? ClusterCompletions.WorkloadNames(options, defaultKind) : [];
        var typedNames = offered.Where(k => k != defaultKind)
            .SelectMany(k => ClusterCompletions.WorkloadNames(options, k)
                .Where(name => name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(name => $"{WorkloadReference.ShortKind(k)}/{name}"));
        return CompletionResults.StartingWith(word, bare, name => $"{defaultKind} {name}")
            .Concat(typedNames.Select(text => new CompletionResult(text, text, CompletionResultType.ParameterValue, text)));
    }
}
