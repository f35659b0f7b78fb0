using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Services;

/// <summary>core/v1 services (pkg/registry/core/service): no generation; the status belongs to the status subresource.</summary>
public sealed class ServiceStrategy : ResourceStrategy<V1Service>
{
    public static readonly ResourceType Type = new("", "v1", "services", "service", "Service", Namespaced: true, typeof(V1Service));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["svc"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new ServicePrinter();

    protected override void Default(V1Service obj, V1Service? old) => ServiceDefaults.Apply(obj, old);

    protected override IReadOnlyList<V1StatusCause> Allocate(V1Service obj, V1Service? old, ClusterStore store) =>
        ServiceAllocations.Allocate(obj, old, store);

    protected override void PrepareForCreate(V1Service obj) => obj.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() };

    protected override void Validate(V1Service obj, V1Service? old, FieldErrors errors) => ServiceValidation.Validate(obj, old, errors);
}
