using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Apps.StatefulSets;

/// <summary>apps/v1 StatefulSet validation; an update may change only a few spec fields.</summary>
internal static class StatefulSetValidation
{
    private const string ForbiddenUpdate =
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

    public static void Validate(V1StatefulSet statefulSet, V1StatefulSet? old, FieldErrors errors)
    {
        MetadataRules.Validate(statefulSet.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = statefulSet.Spec ?? new V1StatefulSetSpec();
        switch (spec.PodManagementPolicy)
        {
            case null or "":
                errors.Required("spec.podManagementPolicy");
                break;
            case "OrderedReady" or "Parallel":
                break;
            default:
                errors.Invalid("spec.podManagementPolicy", GoValue.Quote(spec.PodManagementPolicy), "must be 'OrderedReady' or 'Parallel'");
                break;
        }

        ValidateUpdateStrategy(spec.UpdateStrategy, errors);
        if (spec.PersistentVolumeClaimRetentionPolicy is { } retention)
        {
            ValidateRetention(retention.WhenDeleted, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", errors);
            ValidateRetention(retention.WhenScaled, "spec.persistentVolumeClaimRetentionPolicy.whenScaled", errors);
        }

        WorkloadRules.NonNegative(spec.Ordinals?.Start, "spec.ordinals.start", errors);
        WorkloadRules.NonNegative(spec.Replicas, "spec.replicas", errors);
        WorkloadRules.NonNegative(spec.MinReadySeconds, "spec.minReadySeconds", errors);
        SelectorRules.ValidateWorkloadSelector(spec.Selector, spec.Template?.Metadata?.Labels, "statefulset", errors);
        var claimNames = (spec.VolumeClaimTemplates ?? []).Select(c => c.Metadata?.Name).OfType<string>();
        PodSpecRules.ValidateWorkloadTemplate(spec.Template, errors, "spec.template", claimNames);

        if (old is not null && ChangesFrozenFields(statefulSet, old))
        {
            errors.Forbidden("spec", ForbiddenUpdate);
        }
    }

    private static void ValidateUpdateStrategy(V1StatefulSetUpdateStrategy? strategy, FieldErrors errors)
    {
        const string path = "spec.updateStrategy";
        switch (strategy?.Type)
        {
            case null or "":
                errors.Required(path);
                break;
            case "OnDelete":
                if (strategy.RollingUpdate is not null)
                {
                    errors.Invalid($"{path}.rollingUpdate", RollingUpdateValue(strategy.RollingUpdate), "only allowed for updateStrategy 'RollingUpdate'");
                }

                break;
            case "RollingUpdate":
                if (strategy.RollingUpdate is { } rollingUpdate)
                {
                    WorkloadRules.NonNegative(rollingUpdate.Partition, $"{path}.rollingUpdate.partition", errors);
                    if (rollingUpdate.MaxUnavailable is { } maxUnavailable)
                    {
                        IntOrPercentRules.ValidatePositive(maxUnavailable, errors, $"{path}.rollingUpdate.maxUnavailable");
                        if (IntOrPercentRules.Value(maxUnavailable) == 0)
                        {
                            errors.Invalid($"{path}.rollingUpdate.maxUnavailable", GoValue.IntOrString(maxUnavailable), "cannot be 0");
                        }

                        IntOrPercentRules.ValidateNotMoreThan100Percent(maxUnavailable, errors, $"{path}.rollingUpdate.maxUnavailable");
                    }
                }

                break;
            default:
                var value = $"apps.StatefulSetUpdateStrategy{{Type:{GoValue.Quote(strategy.Type)}, RollingUpdate:{RollingUpdateValue(strategy.RollingUpdate)}}}";
                errors.Invalid(path, value, "must be 'RollingUpdate' or 'OnDelete'");
                break;
        }
    }

    private static string RollingUpdateValue(V1RollingUpdateStatefulSetStrategy? rollingUpdate) =>
        rollingUpdate is null
            ? "(*apps.RollingUpdateStatefulSetStrategy)(nil)"
            : $"apps.RollingUpdateStatefulSetStrategy{{Partition:{rollingUpdate.Partition ?? 0}, MaxUnavailable:{(rollingUpdate.MaxUnavailable is null ? "(*intstr.IntOrString)(nil)" : GoValue.IntOrString(rollingUpdate.MaxUnavailable))}}}";

    private static void ValidateRetention(string? value, string path, FieldErrors errors)
    {
        if (value is not ("Retain" or "Delete"))
        {
            errors.NotSupported(path, GoValue.Quote(value), "Retain", "Delete");
        }
    }

    /// <summary>Compares the specs with the fields an update may change taken from the old object.</summary>
    private static bool ChangesFrozenFields(V1StatefulSet statefulSet, V1StatefulSet old)
    {
        var updated = ModelJson.ToNode(statefulSet)["spec"]?.AsObject() ?? new();
        var stored = ModelJson.ToNode(old)["spec"]?.AsObject() ?? new();
        foreach (var mutable in new[] { "replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds" })
        {
            updated.Remove(mutable);
            stored.Remove(mutable);
        }

        return !System.Text.Json.Nodes.JsonNode.DeepEquals(updated, stored);
    }
}
