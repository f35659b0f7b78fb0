using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>
/// The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a selector, keeps the
/// discovery.k8s.io/v1 EndpointSlices that <see cref="EndpointSlicePlanner"/> computes, named &lt;service&gt;-xxxxx,
/// owned by the Service (the garbage collector removes them with it), labelled kubernetes.io/service-name and
/// endpointslice.kubernetes.io/managed-by, annotated with the last change's trigger time. A slice someone else
/// changed or deleted brings its Service back after a second, as endpointSliceChangeMinSyncDelay.
/// </summary>
public sealed class EndpointSliceController : ServiceEndpointsController
{
    private static readonly TimeSpan ChangeMinSyncDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MissingNodeRetry = TimeSpan.FromSeconds(5);

    public EndpointSliceController(ClusterRegistry registry, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("endpointslice-controller", registry, cache, events, timers, logger)
    {
    }

    protected override TimeSpan OwnedChangeDelay => ChangeMinSyncDelay;

    protected override void Sync(ObjectKey key)
    {
        if (Cache.Get<V1Service>(key) is not { } service)
        {
            TriggerTimes.Forget(key);
            return;
        }

        if (ServiceSelection.SelectorOf(service) is not { } selector)
        {
            return;
        }

        var pods = ServiceSelection.PodsOf(Cache, service, selector);
        var slices = Cache.List<V1EndpointSlice>(key.Namespace)
            .Where(s => s.Metadata.Labels.ValueOrNull(EndpointSlicePlanner.ServiceNameLabel) == service.Metadata.Name
                && s.Metadata.Labels.ValueOrNull(EndpointSlicePlanner.ManagedByLabel) == EndpointSlicePlanner.ControllerName
                && s.Metadata.DeletionTimestamp is null)
            .ToList();
        var triggerTime = TriggerTimes.Compute(service, pods);
        var plan = EndpointSlicePlanner.Plan(service, pods, node => Cache.Get<V1Node>(null, node), slices);
        try
        {
            Apply(service, plan, triggerTime);
        }
        catch (StoreException e) when (e is not StoreConflictException)
        {
            Events.Warning(service, EventSource.EndpointSliceController, "FailedToUpdateEndpointSlices", $"Error updating Endpoint Slices for Service {key}: {e.Message}");
            throw;
        }

        if (plan.SkippedPods)
        {
            Queue.AddAfter(key, MissingNodeRetry);
        }
    }

    protected override ObjectKey? ServiceOfOwnedChange(CacheEvent change) =>
        change.Resource == ResourceOf<V1EndpointSlice>.Type
        && change.Object.Metadata.Labels.ValueOrNull(EndpointSlicePlanner.ServiceNameLabel) is { Length: > 0 } service
        && (change.Object.Metadata.Labels.ValueOrNull(EndpointSlicePlanner.ManagedByLabel) == EndpointSlicePlanner.ControllerName
            || change.Old?.Metadata.Labels.ValueOrNull(EndpointSlicePlanner.ManagedByLabel) == EndpointSlicePlanner.ControllerName)
            ? new ObjectKey(change.Object.Metadata.NamespaceProperty, service)
            : null;

    private void Apply(V1Service service, EndpointSlicePlan plan, DateTime? triggerTime)
    {
        // no new slices for a Service being deleted: the garbage collector is about to remove them
        if (service.Metadata.DeletionTimestamp is null)
        {
            foreach (var slice in plan.Create)
            {
                SetTriggerTime(slice, triggerTime);
                Write(() => Registry.Create(slice, FieldManagers.ControllerManager));
            }
        }

        foreach (var slice in plan.Update)
        {
            SetTriggerTime(slice, triggerTime);
            Write(() => Registry.Update(slice, FieldManagers.ControllerManager));
        }

        foreach (var slice in plan.Delete)
        {
            try
            {
                Write(() => Registry.Delete<V1EndpointSlice>(slice.Metadata.NamespaceProperty, slice.Metadata.Name));
            }
            catch (StoreNotFoundException)
            {
            }
        }
    }

    private static void SetTriggerTime(V1EndpointSlice slice, DateTime? triggerTime)
    {
        var annotations = new Dictionary<string, string>(slice.Metadata.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (triggerTime is { } time)
        {
            annotations[EndpointsController.TriggerTimeAnnotation] = TriggerTimeTracker.Format(time);
        }
        else
        {
            annotations.Remove(EndpointsController.TriggerTimeAnnotation);
        }

        slice.Metadata.Annotations = annotations.Count == 0 ? null : annotations;
    }
}
