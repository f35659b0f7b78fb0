using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Apps.DaemonSets;

/// <summary>apps/v1 DaemonSet validation: exactly one of maxSurge and maxUnavailable is non-zero.</summary>
internal static class DaemonSetValidation
{
    public static void Validate(V1DaemonSet daemonSet, V1DaemonSet? old, FieldErrors errors)
    {
        MetadataRules.Validate(daemonSet.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = daemonSet.Spec ?? new V1DaemonSetSpec();
        SelectorRules.ValidateWorkloadSelector(spec.Selector, spec.Template?.Metadata?.Labels, "daemonset", errors);
        PodSpecRules.ValidateWorkloadTemplate(spec.Template, errors, "spec.template");
        WorkloadRules.NonNegative(spec.MinReadySeconds, "spec.minReadySeconds", errors);
        ValidateUpdateStrategy(spec.UpdateStrategy, errors);
        WorkloadRules.NonNegative(spec.RevisionHistoryLimit, "spec.revisionHistoryLimit", errors);
        if (old is not null)
        {
            WorkloadRules.SelectorImmutable(spec.Selector, old.Spec?.Selector, errors);
        }
    }

    private static void ValidateUpdateStrategy(V1DaemonSetUpdateStrategy? strategy, FieldErrors errors)
    {
        const string path = "spec.updateStrategy";
        switch (strategy?.Type)
        {
            case "OnDelete":
                break;
            case "RollingUpdate":
                if (strategy.RollingUpdate is not { } rollingUpdate)
                {
                    errors.Required($"{path}.rollingUpdate");
                    break;
                }

                IntOrPercentRules.ValidatePositive(rollingUpdate.MaxUnavailable, errors, $"{path}.rollingUpdate.maxUnavailable");
                IntOrPercentRules.ValidatePositive(rollingUpdate.MaxSurge, errors, $"{path}.rollingUpdate.maxSurge");
                IntOrPercentRules.ValidateNotMoreThan100Percent(rollingUpdate.MaxUnavailable, errors, $"{path}.rollingUpdate.maxUnavailable");
                IntOrPercentRules.ValidateNotMoreThan100Percent(rollingUpdate.MaxSurge, errors, $"{path}.rollingUpdate.maxSurge");
                var hasUnavailable = IntOrPercentRules.Value(rollingUpdate.MaxUnavailable) != 0;
                var hasSurge = IntOrPercentRules.Value(rollingUpdate.MaxSurge) != 0;
                if (hasUnavailable && hasSurge)
                {
                    errors.Invalid($"{path}.rollingUpdate.maxSurge", GoValue.IntOrString(rollingUpdate.MaxSurge), "may not be set when maxUnavailable is non-zero");
                }
                else if (!hasUnavailable && !hasSurge)
                {
                    errors.Invalid($"{path}.rollingUpdate.maxUnavailable", GoValue.IntOrString(rollingUpdate.MaxUnavailable), "cannot be 0 when maxSurge is 0");
                }

                break;
            default:
                errors.NotSupported(path, $"apps.DaemonSetUpdateStrategy{{Type:{GoValue.Quote(strategy?.Type)}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}}", "RollingUpdate", "OnDelete");
                break;
        }
    }
}
