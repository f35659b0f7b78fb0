using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Apps.Deployments;

/// <summary>apps/v1 Deployment validation, in the order the API reports its errors.</summary>
internal static class DeploymentValidation
{
    public static void Validate(V1Deployment deployment, V1Deployment? old, FieldErrors errors)
    {
        MetadataRules.Validate(deployment.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = deployment.Spec ?? new V1DeploymentSpec();
        WorkloadRules.NonNegative(spec.Replicas, "spec.replicas", errors);
        SelectorRules.ValidateWorkloadSelector(spec.Selector, spec.Template?.Metadata?.Labels, "deployment", errors);
        PodSpecRules.ValidateWorkloadTemplate(spec.Template, errors, "spec.template");
        ValidateStrategy(spec.Strategy, errors);
        WorkloadRules.NonNegative(spec.MinReadySeconds, "spec.minReadySeconds", errors);
        WorkloadRules.NonNegative(spec.RevisionHistoryLimit, "spec.revisionHistoryLimit", errors);
        if (spec.ProgressDeadlineSeconds is { } deadline)
        {
            WorkloadRules.NonNegative(deadline, "spec.progressDeadlineSeconds", errors);
            if (deadline <= (spec.MinReadySeconds ?? 0))
            {
                errors.Invalid("spec.progressDeadlineSeconds", GoValue.Int(deadline), "must be greater than minReadySeconds");
            }
        }

        if (old is not null)
        {
            WorkloadRules.SelectorImmutable(spec.Selector, old.Spec?.Selector, errors);
        }
    }

    private static void ValidateStrategy(V1DeploymentStrategy? strategy, FieldErrors errors)
    {
        const string path = "spec.strategy";
        switch (strategy?.Type)
        {
            case "Recreate":
                if (strategy.RollingUpdate is not null)
                {
                    errors.Forbidden($"{path}.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
                }

                break;
            case "RollingUpdate":
                if (strategy.RollingUpdate is not { } rollingUpdate)
                {
                    errors.Required($"{path}.rollingUpdate", "this should be defaulted and never be nil");
                    break;
                }

                IntOrPercentRules.ValidatePositive(rollingUpdate.MaxUnavailable, errors, $"{path}.rollingUpdate.maxUnavailable");
                IntOrPercentRules.ValidatePositive(rollingUpdate.MaxSurge, errors, $"{path}.rollingUpdate.maxSurge");
                if (IntOrPercentRules.Value(rollingUpdate.MaxUnavailable) == 0 && IntOrPercentRules.Value(rollingUpdate.MaxSurge) == 0)
                {
                    errors.Invalid($"{path}.rollingUpdate.maxUnavailable", GoValue.IntOrString(rollingUpdate.MaxUnavailable), "may not be 0 when `maxSurge` is 0");
                }

                IntOrPercentRules.ValidateNotMoreThan100Percent(rollingUpdate.MaxUnavailable, errors, $"{path}.rollingUpdate.maxUnavailable");
                break;
            default:
                var value = $"apps.DeploymentStrategy{{Type:{GoValue.Quote(strategy?.Type)}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}}";
                errors.NotSupported(path, value, "Recreate", "RollingUpdate");
                break;
        }
    }
}
