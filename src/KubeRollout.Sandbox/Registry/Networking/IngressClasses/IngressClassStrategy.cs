using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Networking.IngressClasses;

/// <summary>networking.k8s.io/v1 ingressclasses (cluster-scoped), stored: generation 1 on create, bumped by a spec change.</summary>
public sealed class IngressClassStrategy : ResourceStrategy<V1IngressClass>
{
    public static readonly ResourceType Type = new("networking.k8s.io", "v1", "ingressclasses", "ingressclass", "IngressClass", Namespaced: false, typeof(V1IngressClass));

    public override ResourceType Resource => Type;

    public override ITablePrinter Printer { get; } = new IngressClassPrinter();

    protected override void PrepareForCreate(V1IngressClass obj) => Generation.Start(obj.Metadata);

    protected override void PrepareForUpdate(V1IngressClass obj, V1IngressClass old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1IngressClass obj, V1IngressClass? old, FieldErrors errors)
    {
        MetadataRules.Validate(obj.Metadata, NameRules.Dns1123Subdomain, errors);
        if (old?.Spec?.Controller is { } controller && obj.Spec?.Controller != controller)
        {
            errors.Invalid("spec.controller", GoValue.Quote(obj.Spec?.Controller), "field is immutable");
        }
    }
}
