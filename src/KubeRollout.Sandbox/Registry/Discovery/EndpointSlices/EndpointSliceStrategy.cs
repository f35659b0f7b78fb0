using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Discovery.EndpointSlices;

/// <summary>
/// discovery.k8s.io/v1 endpointslices (pkg/registry/discovery/endpointslice): generation 1 on create, bumped when
/// anything but the metadata changes, or the labels; a port's name defaults to "" and its protocol to TCP.
/// </summary>
public sealed class EndpointSliceStrategy : ResourceStrategy<V1EndpointSlice>
{
    public static readonly ResourceType Type = new("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", Namespaced: true, typeof(V1EndpointSlice));

    public override ResourceType Resource => Type;

    public override ITablePrinter Printer { get; } = new EndpointSlicePrinter();

    protected override void Default(V1EndpointSlice obj, V1EndpointSlice? old)
    {
        foreach (var port in obj.Ports ?? [])
        {
            port.Name ??= string.Empty;
            port.Protocol ??= "TCP";
        }
    }

    protected override void PrepareForCreate(V1EndpointSlice obj) => Generation.Start(obj.Metadata);

    protected override void PrepareForUpdate(V1EndpointSlice obj, V1EndpointSlice old) =>
        Generation.BumpIf(
            obj.AddressType != old.AddressType
            || !ObjectComparison.SameValue(obj.Endpoints ?? [], old.Endpoints ?? [])
            || !ObjectComparison.SameValue(obj.Ports ?? [], old.Ports ?? [])
            || !obj.Metadata.Labels.SameAs(old.Metadata.Labels),
            obj.Metadata,
            old.Metadata);

    protected override void Validate(V1EndpointSlice obj, V1EndpointSlice? old, FieldErrors errors) => EndpointSliceValidation.Validate(obj, old, errors);
}
