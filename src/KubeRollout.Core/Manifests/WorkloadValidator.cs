using k8s.Models;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Manifests;

/// <summary>
/// The API server's validation of workload specs that users trip over most, with its messages and, where several
/// problems are found, in its order. A missing strategy value counts as the default the server would fill in.
/// </summary>
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
        ValidateDeploymentRollout(spec, problems);
    }

    public static void ValidateStatefulSet(V1StatefulSetSpec? spec, List<ManifestProblem> problems)
    {
        if (spec is null)
        {
            problems.Add(new("spec", "Required value"));
            return;
        }

        ValidateStatefulSetRollout(spec, problems);
        ValidateReplicas(spec.Replicas, problems);
        ValidateSelectorAndTemplate(spec.Selector, spec.Template, problems);
    }

    public static void ValidateDaemonSet(V1DaemonSetSpec? spec, List<ManifestProblem> problems)
    {
        if (spec is null)
        {
            problems.Add(new("spec", "Required value"));
            return;
        }

        ValidateSelectorAndTemplate(spec.Selector, spec.Template, problems);
        ValidateDaemonSetRollout(spec, problems);
    }

    /// <summary>How a Deployment rolls out: strategy, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds.</summary>
    public static void ValidateDeploymentRollout(V1DeploymentSpec spec, List<ManifestProblem> problems)
    {
        ValidateDeploymentStrategy(spec.Strategy, problems);
        ValidateNonNegative(spec.MinReadySeconds, "spec.minReadySeconds", problems);
        ValidateNonNegative(spec.RevisionHistoryLimit, "spec.revisionHistoryLimit", problems);
        if (spec.ProgressDeadlineSeconds is { } deadline)
        {
            ValidateNonNegative(deadline, "spec.progressDeadlineSeconds", problems);
            if (deadline <= (spec.MinReadySeconds ?? 0))
            {
                problems.Add(new("spec.progressDeadlineSeconds", $"Invalid value: {ApiValueText.Int(deadline)}: must be greater than minReadySeconds"));
            }
        }
    }

    /// <summary>How a StatefulSet rolls out: updateStrategy (partition, maxUnavailable), minReadySeconds, revisionHistoryLimit.</summary>
    public static void ValidateStatefulSetRollout(V1StatefulSetSpec spec, List<ManifestProblem> problems)
    {
        const string path = "spec.updateStrategy";
        var strategy = spec.UpdateStrategy;
        switch (strategy?.Type)
        {
            case null or "" or "RollingUpdate":
                if (strategy?.RollingUpdate is { } rollingUpdate)
                {
                    ValidateNonNegative(rollingUpdate.Partition, $"{path}.rollingUpdate.partition", problems);
                    if (rollingUpdate.MaxUnavailable is { } maxUnavailable)
                    {
                        IntOrPercentRules.ValidatePositive(maxUnavailable, $"{path}.rollingUpdate.maxUnavailable", problems);
                        if (IntOrPercentRules.Value(maxUnavailable) == 0)
                        {
                            problems.Add(new($"{path}.rollingUpdate.maxUnavailable", $"Invalid value: {ApiValueText.IntOrString(maxUnavailable)}: cannot be 0"));
                        }

                        IntOrPercentRules.ValidateNotMoreThan100Percent(maxUnavailable, $"{path}.rollingUpdate.maxUnavailable", problems);
                    }
                }

                break;
            case "OnDelete":
                if (strategy.RollingUpdate is not null)
                {
                    problems.Add(new($"{path}.rollingUpdate", $"Invalid value: {StatefulSetRollingUpdateText(strategy.RollingUpdate)}: only allowed for updateStrategy 'RollingUpdate'"));
                }

                break;
            default:
                var value = $"apps.StatefulSetUpdateStrategy{{Type:{ApiValueText.Quote(strategy.Type)}, RollingUpdate:{ApiValueText.Pointer("apps.RollingUpdateStatefulSetStrategy", strategy.RollingUpdate is null ? null : StatefulSetRollingUpdateText(strategy.RollingUpdate))}}}";
                problems.Add(new(path, $"Invalid value: {value}: must be 'RollingUpdate' or 'OnDelete'"));
                break;
        }

        ValidateNonNegative(spec.MinReadySeconds, "spec.minReadySeconds", problems);
        ValidateNonNegative(spec.RevisionHistoryLimit, "spec.revisionHistoryLimit", problems);
    }

    /// <summary>How a DaemonSet rolls out: minReadySeconds, updateStrategy (exactly one of maxSurge and maxUnavailable), revisionHistoryLimit.</summary>
    public static void ValidateDaemonSetRollout(V1DaemonSetSpec spec, List<ManifestProblem> problems)
    {
        ValidateNonNegative(spec.MinReadySeconds, "spec.minReadySeconds", problems);
        const string path = "spec.updateStrategy";
        var strategy = spec.UpdateStrategy;
        switch (strategy?.Type)
        {
            case null or "" or "RollingUpdate":
                ValidateDaemonSetRollingUpdate(strategy?.RollingUpdate, $"{path}.rollingUpdate", problems);
                break;
            case "OnDelete":
                break;
            default:
                var rollingUpdate = strategy.RollingUpdate is { } r
                    ? $"apps.RollingUpdateDaemonSet{{MaxUnavailable:{ApiValueText.IntOrString(r.MaxUnavailable)}, MaxSurge:{ApiValueText.IntOrString(r.MaxSurge)}}}"
                    : null;
                var value = $"apps.DaemonSetUpdateStrategy{{Type:{ApiValueText.Quote(strategy.Type)}, RollingUpdate:{ApiValueText.Pointer("apps.RollingUpdateDaemonSet", rollingUpdate)}}}";
                problems.Add(new(path, $"Unsupported value: {value}: supported values: \"RollingUpdate\", \"OnDelete\""));
                break;
        }

        ValidateNonNegative(spec.RevisionHistoryLimit, "spec.revisionHistoryLimit", problems);
    }

    private static void ValidateDeploymentStrategy(V1DeploymentStrategy? strategy, List<ManifestProblem> problems)
    {
        const string path = "spec.strategy";
        switch (strategy?.Type)
        {
            case null or "" or "RollingUpdate":
                ValidateDeploymentRollingUpdate(strategy?.RollingUpdate, $"{path}.rollingUpdate", problems);
                break;
            case "Recreate":
                if (strategy.RollingUpdate is not null)
                {
                    problems.Add(new($"{path}.rollingUpdate", "Forbidden: may not be specified when strategy `type` is 'Recreate'"));
                }

                break;
            default:
                var rollingUpdate = strategy.RollingUpdate is { } r
                    ? $"apps.RollingUpdateDeployment{{MaxUnavailable:{ApiValueText.IntOrString(r.MaxUnavailable)}, MaxSurge:{ApiValueText.IntOrString(r.MaxSurge)}}}"
                    : null;
                var value = $"apps.DeploymentStrategy{{Type:{ApiValueText.Quote(strategy.Type)}, RollingUpdate:{ApiValueText.Pointer("apps.RollingUpdateDeployment", rollingUpdate)}}}";
                problems.Add(new(path, $"Unsupported value: {value}: supported values: \"Recreate\", \"RollingUpdate\""));
                break;
        }
    }

    /// <summary>A missing value is the default 25%, as the server fills it in before validating.</summary>
    private static void ValidateDeploymentRollingUpdate(V1RollingUpdateDeployment? rollingUpdate, string path, List<ManifestProblem> problems)
    {
        var maxUnavailable = rollingUpdate?.MaxUnavailable ?? "25%";
        var maxSurge = rollingUpdate?.MaxSurge ?? "25%";
        IntOrPercentRules.ValidatePositive(maxUnavailable, $"{path}.maxUnavailable", problems);
        IntOrPercentRules.ValidatePositive(maxSurge, $"{path}.maxSurge", problems);
        if (IntOrPercentRules.Value(maxUnavailable) == 0 && IntOrPercentRules.Value(maxSurge) == 0)
        {
            problems.Add(new($"{path}.maxUnavailable", $"Invalid value: {ApiValueText.IntOrString(maxUnavailable)}: may not be 0 when `maxSurge` is 0"));
        }

        IntOrPercentRules.ValidateNotMoreThan100Percent(maxUnavailable, $"{path}.maxUnavailable", problems);
    }

    /// <summary>Missing values are the defaults maxUnavailable 1 and maxSurge 0.</summary>
    private static void ValidateDaemonSetRollingUpdate(V1RollingUpdateDaemonSet? rollingUpdate, string path, List<ManifestProblem> problems)
    {
        var maxUnavailable = rollingUpdate?.MaxUnavailable ?? 1;
        var maxSurge = rollingUpdate?.MaxSurge ?? 0;
        IntOrPercentRules.ValidatePositive(maxUnavailable, $"{path}.maxUnavailable", problems);
        IntOrPercentRules.ValidatePositive(maxSurge, $"{path}.maxSurge", problems);
        IntOrPercentRules.ValidateNotMoreThan100Percent(maxUnavailable, $"{path}.maxUnavailable", problems);
        IntOrPercentRules.ValidateNotMoreThan100Percent(maxSurge, $"{path}.maxSurge", problems);
        var hasUnavailable = IntOrPercentRules.Value(maxUnavailable) != 0;
        var hasSurge = IntOrPercentRules.Value(maxSurge) != 0;
        if (hasUnavailable && hasSurge)
        {
            problems.Add(new($"{path}.maxSurge", $"Invalid value: {ApiValueText.IntOrString(maxSurge)}: may not be set when maxUnavailable is non-zero"));
        }
        else if (!hasUnavailable && !hasSurge)
        {
            problems.Add(new($"{path}.maxUnavailable", "Required value: cannot be 0 when maxSurge is 0"));
        }
    }

    private static string StatefulSetRollingUpdateText(V1RollingUpdateStatefulSetStrategy rollingUpdate) =>
        $"apps.RollingUpdateStatefulSetStrategy{{Partition:{ApiValueText.Int(rollingUpdate.Partition ?? 0)}, MaxUnavailable:{ApiValueText.Pointer("intstr.IntOrString", rollingUpdate.MaxUnavailable is null ? null : ApiValueText.IntOrString(rollingUpdate.MaxUnavailable))}}}";

    private static void ValidateReplicas(int? replicas, List<ManifestProblem> problems) =>
        ValidateNonNegative(replicas, "spec.replicas", problems);

    private static void ValidateNonNegative(int? value, string path, List<ManifestProblem> problems)
    {
        if (value < 0)
        {
            problems.Add(new(path, $"Invalid value: {ApiValueText.Int(value.Value)}: must be greater than or equal to 0"));
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
