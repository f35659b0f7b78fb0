using k8s.Models;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Pods;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// What a blue-green decision is made from, read at one moment from the Service's namespace: the Service, the
/// Deployments, their ReplicaSets and pods, and the Service's EndpointSlices. Pure logic works on it; it also
/// answers which Deployment a pod belongs to (pod → ReplicaSet → Deployment, by controller references).
/// </summary>
public sealed class BlueGreenState
{
    private readonly Dictionary<string, V1Deployment> _deploymentsByUid;
    private readonly Dictionary<string, string> _replicaSetOwners;
    private readonly Dictionary<string, V1Pod> _podsByName;

    public BlueGreenState(V1Service service, IReadOnlyList<V1Deployment> deployments, IReadOnlyList<V1ReplicaSet> replicaSets, IReadOnlyList<V1Pod> pods, IReadOnlyList<V1EndpointSlice> slices)
    {
        Service = service;
        Deployments = deployments;
        Pods = pods;
        _podsByName = pods.ToDictionary(p => p.Metadata.Name, StringComparer.Ordinal);
        Endpoints = ServiceEndpoint.From(slices);
        _deploymentsByUid = deployments.Where(d => d.Metadata.Uid is not null).ToDictionary(d => d.Metadata.Uid, StringComparer.Ordinal);
        _replicaSetOwners = replicaSets
            .Where(rs => rs.Metadata.Uid is not null && ControllerUid(rs.Metadata) is not null)
            .ToDictionary(rs => rs.Metadata.Uid, rs => ControllerUid(rs.Metadata)!, StringComparer.Ordinal);
    }

    public V1Service Service { get; }

    public string Namespace => Service.Metadata.NamespaceProperty;

    public string ServiceName => Service.Metadata.Name;

    /// <summary>The Service's selector (empty when it has none).</summary>
    public IReadOnlyDictionary<string, string> Selector => ServiceSelectors.Copy(Service.Spec?.Selector);

    public IReadOnlyList<V1Deployment> Deployments { get; }

    public IReadOnlyList<V1Pod> Pods { get; }

    /// <summary>The endpoints the Service's EndpointSlices list now.</summary>
    public IReadOnlyList<ServiceEndpoint> Endpoints { get; }

    public V1Pod? Pod(string? name) => name is not null && _podsByName.TryGetValue(name, out var pod) ? pod : null;

    /// <summary>The Deployments whose pods are ready endpoints of the Service now.</summary>
    public IReadOnlyList<V1Deployment> ServingDeployments() =>
        Endpoints.Where(e => e.Ready).Select(e => Pod(e.Pod) is { } pod ? OwnerOf(pod) : null).OfType<V1Deployment>()
            .DistinctBy(d => d.Metadata.Uid).OrderBy(d => d.Metadata.Name, StringComparer.Ordinal).ToList();

    public V1Deployment? Deployment(string name) => Deployments.FirstOrDefault(d => d.Metadata.Name == name);

    /// <summary>The Deployment a pod belongs to, or null for a pod of anything else.</summary>
    public V1Deployment? OwnerOf(V1Pod pod) =>
        ControllerUid(pod.Metadata) is { } replicaSet
        && _replicaSetOwners.TryGetValue(replicaSet, out var deployment)
        && _deploymentsByUid.TryGetValue(deployment, out var owner)
            ? owner
            : null;

    /// <summary>The pods a selector matches (any state).</summary>
    public IReadOnlyList<V1Pod> PodsMatching(IReadOnlyDictionary<string, string> selector) =>
        Pods.Where(p => ServiceSelectors.Matches(selector, p.Metadata.Labels)).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();

    /// <summary>A pod that would be a ready endpoint: Ready and not being deleted.</summary>
    public static bool IsServing(V1Pod pod) => WorkloadPods.IsReady(pod);

    /// <summary>The side of one Deployment, as Get-KubeBlueGreen shows it.</summary>
    public BlueGreenSide SideOf(V1Deployment deployment, BlueGreenRole role)
    {
        var status = Rollouts.Deployments.DeploymentStatusEvaluator.Evaluate(deployment, Revision(deployment));
        return new BlueGreenSide
        {
            Name = deployment.Metadata.Name,
            Namespace = deployment.Metadata.NamespaceProperty,
            Role = role,
            Revision = status.Revision,
            Images = (deployment.Spec.Template?.Spec?.Containers ?? []).Select(c => c.Image).ToList(),
            Replicas = deployment.Spec.Replicas ?? 1,
            ReadyReplicas = deployment.Status?.ReadyReplicas ?? 0,
            AvailableReplicas = deployment.Status?.AvailableReplicas ?? 0,
            State = status.State,
            Message = status.Message,
            Endpoints = Endpoints.Count(e => e.Ready && Pod(e.Pod) is { } pod && OwnerOf(pod)?.Metadata.Uid == deployment.Metadata.Uid),
        };
    }

    private static long? Revision(V1Deployment deployment) =>
        deployment.Metadata.Annotations?.TryGetValue(WellKnownAnnotations.Revision, out var text) == true
        && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;

    private static string? ControllerUid(V1ObjectMeta meta) => meta.OwnerReferences?.FirstOrDefault(o => o.Controller == true)?.Uid;
}
