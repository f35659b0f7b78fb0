using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Storage;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>
/// Which pods a Service selects and which Services a pod change concerns, as the endpoint controllers work it out
/// (endpointslice/util: GetPodServiceMemberships, GetServicesToUpdateOnPodChange).
/// </summary>
public static class ServiceSelection
{
    /// <summary>
    /// The selector the endpoint controllers act on. ExternalName Services and Services without a selector get no
    /// endpoints from them (their endpoints, if any, are written by someone else): null.
    /// </summary>
    public static IDictionary<string, string>? SelectorOf(V1Service service) =>
        service.Spec?.Type == "ExternalName" || service.Spec?.Selector is not { Count: > 0 } selector ? null : selector;

    /// <summary>A Service selector is a set of equalities that all must hold.</summary>
    public static bool Selects(IDictionary<string, string> selector, IDictionary<string, string>? labels) =>
        labels is not null && selector.All(p => labels.TryGetValue(p.Key, out var value) && value == p.Value);

    /// <summary>The pods of the Service's namespace that its selector matches.</summary>
    public static List<V1Pod> PodsOf(ClusterCache cache, V1Service service, IDictionary<string, string> selector) =>
        cache.List<V1Pod>(service.Metadata.NamespaceProperty).Where(p => Selects(selector, p.Metadata.Labels)).ToList();

    /// <summary>
    /// The Services whose endpoints a pod change may alter: those that select the pod, and, when its labels changed,
    /// those that selected it before. An update that changes neither the labels nor anything an endpoint shows
    /// (readiness, deletion, IPs, hostname) concerns none; when only the labels changed, only the Services that
    /// gained or lost the pod are concerned.
    /// </summary>
    public static IEnumerable<ObjectKey> ServicesConcernedBy(ClusterCache cache, CacheEvent change)
    {
        var pod = (V1Pod)change.Object;
        var ns = pod.Metadata.NamespaceProperty;
        if (change.Type != WatchEventType.Modified || change.Old is not V1Pod old)
        {
            return SelectingServices(cache, ns, pod.Metadata.Labels);
        }

        if (old.Metadata.ResourceVersion == pod.Metadata.ResourceVersion)
        {
            return [];
        }

        var labelsChanged = !old.Metadata.Labels.SameAs(pod.Metadata.Labels)
            || old.Spec?.Hostname != pod.Spec?.Hostname
            || old.Spec?.Subdomain != pod.Spec?.Subdomain;
        var endpointChanged = EndpointChanged(old, pod);
        if (!labelsChanged)
        {
            return endpointChanged ? SelectingServices(cache, ns, pod.Metadata.Labels) : [];
        }

        var now = SelectingServices(cache, ns, pod.Metadata.Labels).ToHashSet();
        var before = SelectingServices(cache, ns, old.Metadata.Labels).ToHashSet();
        if (endpointChanged)
        {
            now.UnionWith(before);
            return now;
        }

        now.SymmetricExceptWith(before);
        return now;
    }

    private static IEnumerable<ObjectKey> SelectingServices(ClusterCache cache, string? ns, IDictionary<string, string>? labels) =>
        cache.List<V1Service>(ns)
            .Where(s => SelectorOf(s) is { } selector && Selects(selector, labels))
            .Select(ObjectKey.Of);

    /// <summary>A change an endpoint shows: deletion started, readiness, or the pod's IPs.</summary>
    private static bool EndpointChanged(V1Pod old, V1Pod pod) =>
        old.Metadata.DeletionTimestamp != pod.Metadata.DeletionTimestamp
        || PodConditions.IsReady(old) != PodConditions.IsReady(pod)
        || !(old.Status?.PodIPs ?? []).Select(ip => ip.Ip).SequenceEqual((pod.Status?.PodIPs ?? []).Select(ip => ip.Ip));
}
