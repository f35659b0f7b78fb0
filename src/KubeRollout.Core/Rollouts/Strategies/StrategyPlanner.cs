using k8s;
using k8s.Models;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts.Strategies;

/// <summary>From a workload as read and a requested change to a validated update; sends nothing.</summary>
internal static class StrategyPlanner
{
    public const string SettingNotSupportedId = "StrategySettingNotSupported";

    /// <summary>
    /// Refuses settings the kind does not have (StrategySettingNotSupported) and results the API would refuse
    /// (<see cref="StrategyInvalidException"/>), with nothing sent.
    /// </summary>
    public static StrategyPlan Plan(WorkloadReference workload, IKubernetesObject<V1ObjectMeta> live, StrategyChange change)
    {
        var kind = WorkloadStrategyKind.For(workload.Kind);
        var before = kind.Read(live);
        var unsupported = kind.Unsupported(change, before).ToList();
        if (unsupported.Count > 0)
        {
            throw new KubeRolloutException(SettingNotSupportedId, FailureKind.InvalidArgument, string.Join(Environment.NewLine, unsupported), workload);
        }

        var after = StrategyEditor.Apply(kind, before, change);
        var problems = new List<ManifestProblem>();
        kind.Validate(after, problems);
        if (problems.Count > 0)
        {
            throw new StrategyInvalidException(workload, problems);
        }

        var changes = StrategyDifferences.Between(kind, before, after);
        var warnings = StrategyWarnings.For(kind, before, after, kind.PodCountOf(live));
        var patch = StrategyPatch.Build(kind, before, after, live.Metadata?.ResourceVersion);
        return new StrategyPlan(workload, change, live, before, after, changes, warnings, patch);
    }

    /// <summary>
    /// The result from the object the server returned. Differences between what was asked for and what was stored
    /// become warnings (a server may drop a field it does not support, e.g. StatefulSet maxUnavailable behind a
    /// feature gate).
    /// </summary>
    public static RolloutStrategy Describe(StrategyPlan update, IKubernetesObject<V1ObjectMeta> stored, bool sent)
    {
        var kind = WorkloadStrategyKind.For(update.Workload.Kind);
        var settings = kind.Read(stored);
        var warnings = update.Warnings.ToList();
        if (sent)
        {
            warnings.AddRange(StrategyDifferences.Between(kind, update.After, settings)
                .Select(difference => $"The server did not store what was sent ({difference.Replace(" -> ", " was sent, stored: ", StringComparison.Ordinal)}); it may not support that setting."));
        }

        return new RolloutStrategy
        {
            Kind = update.Workload.Kind,
            Namespace = update.Workload.Namespace,
            Name = update.Workload.Name,
            Type = settings.Type ?? nameof(StrategyType.RollingUpdate),
            MaxSurge = settings.MaxSurge?.Value,
            MaxUnavailable = settings.MaxUnavailable?.Value,
            Partition = settings.Partition,
            MinReadySeconds = settings.MinReadySeconds,
            ProgressDeadlineSeconds = settings.ProgressDeadlineSeconds,
            RevisionHistoryLimit = settings.RevisionHistoryLimit,
            Changes = sent ? update.Changes : [],
            RolloutTriggered = !SameJson(kind.TemplateOf(update.Live), kind.TemplateOf(stored)),
            Warnings = warnings,
        };
    }

    private static bool SameJson(V1PodTemplateSpec? a, V1PodTemplateSpec? b) =>
        KubernetesJson.Serialize(a!) == KubernetesJson.Serialize(b!);
}
