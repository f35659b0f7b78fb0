using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>
/// Rollout settings the API server would refuse, found before anything was sent. The message is the one the
/// server's 422 Invalid would carry: <c>Deployment.apps "vweb" is invalid: spec.strategy…: …</c>.
/// </summary>
public sealed class StrategyInvalidException : KubeRolloutException
{
    public const string Id = "StrategyInvalid";

    /// <param name="workload">The workload the settings are for; null for settings given without one (a plan from parameters).</param>
    public StrategyInvalidException(WorkloadReference? workload, IReadOnlyList<ManifestProblem> problems)
        : base(Id, FailureKind.InvalidArgument, MessageFor(workload, problems), workload)
    {
        Problems = problems;
    }

    /// <summary>Each refused field with the API's message for it.</summary>
    public IReadOnlyList<ManifestProblem> Problems { get; }

    private static string MessageFor(WorkloadReference? workload, IReadOnlyList<ManifestProblem> problems)
    {
        var messages = problems.Select(p => p.ToString()).Distinct(StringComparer.Ordinal).ToList();
        var aggregate = messages.Count == 1 ? messages[0] : $"[{string.Join(", ", messages)}]";
        return workload is null ? $"The strategy is invalid: {aggregate}" : $"{workload.Kind}.apps \"{workload.Name}\" is invalid: {aggregate}";
    }
}
