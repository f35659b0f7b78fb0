using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Endpoints;

/// <summary>
/// core/v1 endpoints (pkg/registry/core/endpoint): no status, no generation; a port's protocol defaults to TCP.
/// Deprecated since 1.33: every request is answered with a warning that points to EndpointSlices.
/// </summary>
public sealed class EndpointsStrategy : ResourceStrategy<V1Endpoints>
{
    public static readonly ResourceType Type = new("", "v1", "endpoints", "endpoints", "Endpoints", Namespaced: true, typeof(V1Endpoints));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["ep"];

    public override ITablePrinter Printer { get; } = new EndpointsPrinter();

    public override string? Warning => "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice";

    protected override void Default(V1Endpoints obj, V1Endpoints? old)
    {
        foreach (var port in (obj.Subsets ?? []).SelectMany(s => s.Ports ?? []))
        {
            port.Protocol ??= "TCP";
        }
    }

    protected override void Validate(V1Endpoints obj, V1Endpoints? old, FieldErrors errors) => EndpointsValidation.Validate(obj, errors);
}
