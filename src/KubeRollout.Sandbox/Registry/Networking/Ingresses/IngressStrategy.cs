using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Networking.Ingresses;

/// <summary>
/// networking.k8s.io/v1 ingresses (pkg/registry/networking/ingress), stored for the manifests that carry them: no
/// ingress controller runs, so the load balancer status stays empty. Generation 1 on create, bumped by a spec change.
/// </summary>
public sealed class IngressStrategy : ResourceStrategy<V1Ingress>
{
    public static readonly ResourceType Type = new("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", Namespaced: true, typeof(V1Ingress));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["ing"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new IngressPrinter();

    protected override void PrepareForCreate(V1Ingress obj)
    {
        obj.Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus() };
        Generation.Start(obj.Metadata);
    }

    protected override void PrepareForUpdate(V1Ingress obj, V1Ingress old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1Ingress obj, V1Ingress? old, FieldErrors errors) => IngressValidation.Validate(obj, errors);
}
