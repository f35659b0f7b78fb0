using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Policy.PodDisruptionBudgets;

/// <summary>
/// policy/v1 poddisruptionbudgets, stored: the sandbox evicts no pod, so no disruption controller computes the
/// status, which stays at zero as it is on create. Generation 1 on create, bumped by a spec change.
/// </summary>
public sealed class PodDisruptionBudgetStrategy : ResourceStrategy<V1PodDisruptionBudget>
{
    public static readonly ResourceType Type = new("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", Namespaced: true, typeof(V1PodDisruptionBudget));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["pdb"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new PodDisruptionBudgetPrinter();

    protected override void PrepareForCreate(V1PodDisruptionBudget obj)
    {
        obj.Status = new V1PodDisruptionBudgetStatus { CurrentHealthy = 0, DesiredHealthy = 0, DisruptionsAllowed = 0, ExpectedPods = 0 };
        Generation.Start(obj.Metadata);
    }

    protected override void PrepareForUpdate(V1PodDisruptionBudget obj, V1PodDisruptionBudget old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1PodDisruptionBudget obj, V1PodDisruptionBudget? old, FieldErrors errors)
    {
        MetadataRules.Validate(obj.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = obj.Spec ?? new V1PodDisruptionBudgetSpec();
        if (spec.MinAvailable is not null && spec.MaxUnavailable is not null)
        {
            errors.Invalid("spec", GoValue.Quote(spec.MinAvailable.Value), "minAvailable and maxUnavailable cannot be both set");
        }

        IntOrPercentRules.ValidatePositive(spec.MinAvailable, errors, "spec.minAvailable");
        IntOrPercentRules.ValidateNotMoreThan100Percent(spec.MinAvailable, errors, "spec.minAvailable");
        IntOrPercentRules.ValidatePositive(spec.MaxUnavailable, errors, "spec.maxUnavailable");
        IntOrPercentRules.ValidateNotMoreThan100Percent(spec.MaxUnavailable, errors, "spec.maxUnavailable");
        if (spec.Selector is { } selector)
        {
            SelectorRules.Validate(selector, errors, "spec.selector");
        }
    }
}
