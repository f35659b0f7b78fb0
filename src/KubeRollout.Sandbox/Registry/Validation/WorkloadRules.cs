using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>Rules the workload kinds share.</summary>
internal static class WorkloadRules
{
    public static void NonNegative(long? value, string path, FieldErrors errors)
    {
        if (value is < 0)
        {
            errors.Invalid(path, GoValue.Int(value.Value), "must be greater than or equal to 0");
        }
    }

    /// <summary>apps/v1 selectors cannot change after creation.</summary>
    public static void SelectorImmutable(V1LabelSelector? selector, V1LabelSelector? old, FieldErrors errors)
    {
        if (!SameSelector(selector, old))
        {
            errors.Invalid("spec.selector", GoValue.LabelSelector(selector), "field is immutable");
        }
    }

    private static bool SameSelector(V1LabelSelector? a, V1LabelSelector? b) =>
        Storage.ModelJson.Serialize(a ?? new V1LabelSelector()) == Storage.ModelJson.Serialize(b ?? new V1LabelSelector());
}
