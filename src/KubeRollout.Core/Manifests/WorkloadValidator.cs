using k8s.Models;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Manifests;

/// <summary>The API server's validation of workload specs that users trip over most, with its messages.</summary>
public static class WorkloadValidator
{
    public static void ValidateDeployment(V1DeploymentSpec? spec, List<ManifestProblem> problems)
    {
        if (spec is null)
        {
            problems.Add(new("spec", "Required value"));
            return;
        }

        ValidateReplicas(spec.Replicas, problems);
        ValidateSelectorAndTemplate(spec.Selector, spec.Template, problems);
        ValidateNonNegative(spec.MinReadySeconds, "spec.minReadySeconds", problems);
        ValidateNonNegative(spec.RevisionHistoryLimit, "spec.revisionHistoryLimit", problems);
        if (spec.ProgressDeadlineSeconds is { } deadline)
        {
            ValidateNonNegative(deadline, "spec.progressDeadlineSeconds", problems);
            if (deadline <= (spec.MinReadySeconds ?? 0))
            {
                problems.Add(new("spec.progressDeadlineSeconds", $"Invalid value: {deadline}: must be greater than minReadySeconds"));
            }
        }

        var strategy = spec.Strategy;
        switch (strategy?.Type)
        {
            case null or "RollingUpdate":
                ValidateRollingUpdate(strategy?.RollingUpdate?.MaxSurge, strategy?.RollingUpdate?.MaxUnavailable, "spec.strategy.rollingUpdate", problems);
                break;
            case "Recreate":
                if (strategy.RollingUpdate is not null)
                {
                    problems.Add(new("spec.strategy.rollingUpdate", "Forbidden: may not be specified when strategy `type` is 'Recreate'"));
                }

                break;
            default:
                problems.Add(new("spec.strategy.type", $"Unsupported value: \"{strategy.Type}\": supported values: \"Recreate\", \"RollingUpdate\""));
                break;
        }
    }

    public static void ValidateStatefulSet(V1StatefulSetSpec? spec, List<ManifestProblem> problems)
    {
        if (spec is null)
        {
            problems.Add(new("spec", "Required value"));
            return;
        }

        ValidateReplicas(spec.Replicas, problems);
        ValidateSelectorAndTemplate(spec.Selector, spec.Template, problems);
        var strategy = spec.UpdateStrategy;
        switch (strategy?.Type)
        {
            case null or "RollingUpdate":
                ValidateNonNegative(strategy?.RollingUpdate?.Partition, "spec.updateStrategy.rollingUpdate.partition", problems);
                break;
            case "OnDelete":
                if (strategy.RollingUpdate is not null)
                {
                    problems.Add(new("spec.updateStrategy.rollingUpdate", "Invalid value: only allowed for updateStrategy 'RollingUpdate'"));
                }

                break;
            default:
                problems.Add(new("spec.updateStrategy", $"Unsupported value: \"{strategy.Type}\": supported values: \"OnDelete\", \"RollingUpdate\""));
                break;
        }
    }

    public static void ValidateDaemonSet(V1DaemonSetSpec? spec, List<ManifestProblem> problems)
    {
        if (spec is null)
        {
            problems.Add(new("spec", "Required value"));
            return;
        }

        ValidateSelectorAndTemplate(spec.Selector, spec.Template, problems);
        var strategy = spec.UpdateStrategy;
        switch (strategy?.Type)
        {
            case null or "RollingUpdate":
                ValidateDaemonSetRollingUpdate(strategy?.RollingUpdate, problems);
                break;
            case "OnDelete":
                break;
            default:
                problems.Add(new("spec.updateStrategy.type", $"Unsupported value: \"{strategy.Type}\": supported values: \"OnDelete\", \"RollingUpdate\""));
                break;
        }
    }

    /// <summary>maxSurge and maxUnavailable of a Deployment: each a number ≥ 0 or a percentage, not both zero.</summary>
    public static void ValidateRollingUpdate(IntOrString? maxSurge, IntOrString? maxUnavailable, string path, List<ManifestProblem> problems)
    {
        var surge = ParseAmount(maxSurge, $"{path}.maxSurge", problems);
        var unavailable = ParseAmount(maxUnavailable, $"{path}.maxUnavailable", problems);
        if (unavailable is { IsPercent: true, Value: > 100 })
        {
            problems.Add(new($"{path}.maxUnavailable", $"Invalid value: \"{unavailable}\": must not be greater than 100%"));
        }

        if (surge is { Value: 0 } && unavailable is { Value: 0 })
        {
            problems.Add(new($"{path}.maxUnavailable", $"Invalid value: {maxUnavailable?.Value}: may not be 0 when `maxSurge` is 0"));
        }
    }

    private static void ValidateDaemonSetRollingUpdate(V1RollingUpdateDaemonSet? rollingUpdate, List<ManifestProblem> problems)
    {
        const string path = "spec.updateStrategy.rollingUpdate";
        var surge = ParseAmount(rollingUpdate?.MaxSurge, $"{path}.maxSurge", problems) ?? new IntOrPercent(0, false);
        var unavailable = ParseAmount(rollingUpdate?.MaxUnavailable, $"{path}.maxUnavailable", problems) ?? new IntOrPercent(1, false);
        if (surge.Value != 0 && unavailable.Value != 0)
        {
            problems.Add(new($"{path}.maxSurge", $"Invalid value: \"{surge}\": may not be set when maxUnavailable is non-zero"));
        }
        else if (surge.Value == 0 && unavailable.Value == 0)
        {
            problems.Add(new($"{path}.maxUnavailable", $"Invalid value: \"{unavailable}\": cannot be 0 when maxSurge is 0"));
        }

        if (unavailable is { IsPercent: true, Value: > 100 })
        {
            problems.Add(new($"{path}.maxUnavailable", $"Invalid value: \"{unavailable}\": must not be greater than 100%"));
        }
    }

    private static IntOrPercent? ParseAmount(IntOrString? value, string path, List<ManifestProblem> problems)
    {
        if (value?.Value is null)
        {
            return null;
        }

        if (!IntOrPercent.TryParse(value.Value, out var parsed))
        {
            problems.Add(new(path, $"Invalid value: \"{value.Value}\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
            return null;
        }

        if (parsed.Value < 0)
        {
            problems.Add(new(path, $"Invalid value: {parsed.Value}: must be greater than or equal to 0"));
        }

        return parsed;
    }

    private static void ValidateReplicas(int? replicas, List<ManifestProblem> problems) =>
        ValidateNonNegative(replicas, "spec.replicas", problems);

    private static void ValidateNonNegative(int? value, string path, List<ManifestProblem> problems)
    {
        if (value < 0)
        {
            problems.Add(new(path, $"Invalid value: {value}: must be greater than or equal to 0"));
        }
    }

    private static void ValidateSelectorAndTemplate(V1LabelSelector? selector, V1PodTemplateSpec? template, List<ManifestProblem> problems)
    {
        if (selector is null || ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0))
        {
            problems.Add(new("spec.selector", "Required value"));
        }
        else if (!LabelSelectorMatcher.Matches(selector, template?.Metadata?.Labels))
        {
            problems.Add(new("spec.template.metadata.labels", "Invalid value: `selector` does not match template `labels`"));
        }

        var containers = template?.Spec?.Containers;
        if (containers is null || containers.Count == 0)
        {
            problems.Add(new("spec.template.spec.containers", "Required value"));
            return;
        }

        for (var i = 0; i < containers.Count; i++)
        {
            if (string.IsNullOrEmpty(containers[i].Name))
            {
                problems.Add(new($"spec.template.spec.containers[{i}].name", "Required value"));
            }

            if (string.IsNullOrWhiteSpace(containers[i].Image))
            {
                problems.Add(new($"spec.template.spec.containers[{i}].image", "Required value"));
            }
        }
    }
}
