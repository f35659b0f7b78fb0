using k8s.Models;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>One endpoint of a Service as its EndpointSlices list it: the pod, its address and its conditions.</summary>
public sealed record ServiceEndpoint(string? Pod, string Address, string? Node, bool Ready, bool Serving, bool Terminating)
{
    /// <summary>
    /// The endpoints of a Service's slices, in pod order. An unset ready or serving condition counts as true, as
    /// the API documents it ("consumers should interpret this unknown state as ready").
    /// </summary>
    public static IReadOnlyList<ServiceEndpoint> From(IEnumerable<V1EndpointSlice> slices) =>
        slices.SelectMany(s => s.Endpoints ?? [])
            .Where(e => e.Addresses is { Count: > 0 })
            .Select(e => new ServiceEndpoint(
                e.TargetRef?.Kind == "Pod" ? e.TargetRef.Name : null,
                e.Addresses[0],
                e.NodeName,
                e.Conditions?.Ready ?? true,
                e.Conditions?.Serving ?? e.Conditions?.Ready ?? true,
                e.Conditions?.Terminating ?? false))
            .OrderBy(e => e.Pod, StringComparer.Ordinal)
            .ThenBy(e => e.Address, StringComparer.Ordinal)
            .ToList();

    public override string ToString() => Pod is null ? Address : $"{Pod} ({Address})";
}
