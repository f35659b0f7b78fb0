using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Machinery.Events;

/// <summary>
/// Records core/v1 Events as client-go's recorder does (name <c>&lt;object&gt;.&lt;hex nanoseconds&gt;</c>, source,
/// first/last timestamp, count), correlated by <see cref="EventCorrelator"/>. Recording only queues: a background
/// writer stores events, so a controller's sync never waits for them and never fails because of them.
/// </summary>
public sealed class EventRecorder : IRunnableController
{
    private readonly BlockingCollection<PendingEvent> _pending = new(new ConcurrentQueue<PendingEvent>());
    private readonly EventCorrelator _correlator = new();
    private readonly ClusterRegistry _store;
    private readonly ISimulatedClock _clock;
    private long _lastNanos;

    public EventRecorder(ClusterRegistry store, ISimulatedClock clock)
    {
        _store = store;
        _clock = clock;
    }

    public string Name => "event-recorder";

    public void Normal(IKubernetesObject<V1ObjectMeta> involved, EventSource source, string reason, string message, string? fieldPath = null) =>
        Record(involved, source, "Normal", reason, message, fieldPath);

    public void Warning(IKubernetesObject<V1ObjectMeta> involved, EventSource source, string reason, string message, string? fieldPath = null) =>
        Record(involved, source, "Warning", reason, message, fieldPath);

    public void Record(IKubernetesObject<V1ObjectMeta> involved, EventSource source, string type, string reason, string message, string? fieldPath = null)
    {
        var reference = new V1ObjectReference
        {
            ApiVersion = involved.ApiVersion,
            Kind = involved.Kind,
            Name = involved.Metadata.Name,
            NamespaceProperty = involved.Metadata.NamespaceProperty,
            Uid = involved.Metadata.Uid,
            ResourceVersion = involved.Metadata.ResourceVersion,
            FieldPath = fieldPath,
        };
        _pending.Add(new PendingEvent(reference, type, reason, message, source, SimulatedTime.Truncate(_clock.UtcNow)));
    }

    public void EnqueueExisting()
    {
    }

    /// <summary>Writes events on a dedicated thread (each write blocks on the store's lock).</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var pending in _pending.GetConsumingEnumerable(cancellationToken))
                    {
                        Write(pending);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private void Write(PendingEvent pending)
    {
        var decision = _correlator.Correlate(pending, pending.Time);
        try
        {
            switch (decision.Kind)
            {
                case EventCorrelator.DecisionKind.Create:
                    Create(pending, decision);
                    break;
                case EventCorrelator.DecisionKind.Update:
                    if (!Update(pending, decision))
                    {
                        _correlator.Forget(decision);
                        Create(pending, decision with { Count = 1, FirstTimestamp = pending.Time });
                    }

                    break;
            }
        }
#pragma warning disable CA1031 // an event that cannot be stored is dropped, as the real recorder does (the namespace may be gone)
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void Create(PendingEvent pending, EventCorrelator.Decision decision)
    {
        var @namespace = pending.Involved.NamespaceProperty ?? "default";
        var name = $"{pending.Involved.Name}.{NextNanos(_clock.UtcNow):x}";
        _store.Create(
            new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
                InvolvedObject = pending.Involved,
                Reason = pending.Reason,
                Message = decision.Message,
                Type = pending.Type,
                Source = new V1EventSource { Component = pending.Source.Component, Host = pending.Source.Host },
                FirstTimestamp = decision.FirstTimestamp,
                LastTimestamp = pending.Time,
                Count = decision.Count,
                ReportingComponent = pending.Source.Component,
                ReportingInstance = pending.Source.Host ?? string.Empty,
            },
            pending.Source.Component);
        _correlator.Created(decision, name, @namespace);
    }

    private bool Update(PendingEvent pending, EventCorrelator.Decision decision)
    {
        if (_store.Get<Corev1Event>(decision.Namespace, decision.Name!) is not { } stored)
        {
            return false;
        }

        var updated = ObjectCopies.Shallow(stored);
        updated.Count = decision.Count;
        updated.LastTimestamp = pending.Time;
        updated.Message = decision.Message;
        _store.Update(updated, pending.Source.Component);
        return true;
    }

    private long NextNanos(DateTime time)
    {
        var nanos = (time - DateTime.UnixEpoch).Ticks * 100;
        _lastNanos = Math.Max(_lastNanos + 1, nanos);
        return _lastNanos;
    }
}
