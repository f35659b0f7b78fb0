using k8s.Models;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>
/// The endpoints controller (pkg/controller/endpoint): keeps one core/v1 Endpoints object per Service with a
/// selector, named like it and labelled like it (plus service.kubernetes.io/headless for a headless one), whose
/// subsets list the selected pods (<see cref="EndpointSubsets"/>), annotated with the last change's trigger time.
/// It writes only when the subsets, labels or capacity annotation differ, deletes the Endpoints of a deleted
/// Service, and leaves Services without a selector (whose Endpoints users write) alone.
/// </summary>
public sealed class EndpointsController : ServiceEndpointsController
{
    public const string TriggerTimeAnnotation = "endpoints.kubernetes.io/last-change-trigger-time";
    public const string HeadlessLabel = "service.kubernetes.io/headless";

    public EndpointsController(ClusterRegistry registry, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("endpoint-controller", registry, cache, events, timers, logger)
    {
    }

    protected override void Sync(ObjectKey key)
    {
        var current = Cache.Get<V1Endpoints>(key);
        if (Cache.Get<V1Service>(key) is not { } service)
        {
            TriggerTimes.Forget(key);
            if (current is not null)
            {
                Write(() => Delete(key));
            }

            return;
        }

        if (ServiceSelection.SelectorOf(service) is not { } selector)
        {
            return;
        }

        var pods = ServiceSelection.PodsOf(Cache, service, selector);
        var triggerTime = TriggerTimes.Compute(service, pods);
        var subsets = EndpointSubsets.For(service, pods);
        var truncated = EndpointSubsets.Truncate(subsets);
        var labels = LabelsFor(service);
        if (current is not null
            && ModelEquality.SameJson(NullIfEmpty(current.Subsets), NullIfEmpty(subsets))
            && current.Metadata.Labels.SameAs(labels)
            && current.Metadata.Annotations?.ContainsKey(EndpointSubsets.OverCapacityAnnotation) == truncated)
        {
            return;
        }

        var annotations = new Dictionary<string, string>(current?.Metadata.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        SetOrRemove(annotations, TriggerTimeAnnotation, triggerTime is { } time ? TriggerTimeTracker.Format(time) : null);
        SetOrRemove(annotations, EndpointSubsets.OverCapacityAnnotation, truncated ? "truncated" : null);
        var endpoints = current is null ? new V1Endpoints { Metadata = new V1ObjectMeta { Name = service.Metadata.Name, NamespaceProperty = service.Metadata.NamespaceProperty } } : ObjectCloner.Clone(current);
        endpoints.Metadata.Labels = labels.Count == 0 ? null : labels;
        endpoints.Metadata.Annotations = annotations.Count == 0 ? null : annotations;
        endpoints.Subsets = NullIfEmpty(subsets);
        try
        {
            Write(() => current is null ? Registry.Create(endpoints, FieldManagers.ControllerManager) : Registry.Update(endpoints, FieldManagers.ControllerManager));
        }
        catch (StoreException e) when (e is not StoreConflictException)
        {
            Events.Warning(
                endpoints,
                EventSource.EndpointController,
                current is null ? "FailedToCreateEndpoint" : "FailedToUpdateEndpoint",
                current is null ? $"Failed to create endpoint for service {key}: {e.Message}" : $"Failed to update endpoint {key}: {e.Message}");
            throw;
        }
    }

    /// <summary>Only a deletion by someone else matters: the Endpoints of a Service with a selector are recreated.</summary>
    protected override ObjectKey? ServiceOfOwnedChange(CacheEvent change) =>
        change.Resource == ResourceOf<V1Endpoints>.Type && change.Type == WatchEventType.Deleted ? ObjectKey.Of(change.Object) : null;

    private void Delete(ObjectKey key)
    {
        try
        {
            Registry.Delete<V1Endpoints>(key.Namespace, key.Name);
        }
        catch (StoreNotFoundException)
        {
        }
    }

    private static Dictionary<string, string> LabelsFor(V1Service service)
    {
        var labels = new Dictionary<string, string>(service.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (EndpointPods.HasClusterIp(service))
        {
            labels.Remove(HeadlessLabel);
        }
        else
        {
            labels[HeadlessLabel] = string.Empty;
        }

        return labels;
    }

    private static void SetOrRemove(Dictionary<string, string> map, string key, string? value)
    {
        if (value is null)
        {
            map.Remove(key);
        }
        else
        {
            map[key] = value;
        }
    }

    private static List<V1EndpointSubset>? NullIfEmpty(IList<V1EndpointSubset>? subsets) => subsets is { Count: > 0 } ? subsets.ToList() : null;
}
