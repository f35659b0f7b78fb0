using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>
/// The writes that bring a Service's EndpointSlices to the desired state. <see cref="SkippedPods"/> is true when a
/// pod was left out because its node is unknown: the Service is synced again later.
/// </summary>
public sealed record EndpointSlicePlan(
    IReadOnlyList<V1EndpointSlice> Create,
    IReadOnlyList<V1EndpointSlice> Update,
    IReadOnlyList<V1EndpointSlice> Delete,
    bool SkippedPods)
{
    public bool IsEmpty => Create.Count == 0 && Update.Count == 0 && Delete.Count == 0;
}
