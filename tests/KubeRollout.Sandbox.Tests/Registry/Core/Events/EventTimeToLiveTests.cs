using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Registry.Core.Events;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeRollout.Sandbox.Tests.Registry.Core.Events;

/// <summary>Events go an hour after their last write (kube-apiserver --event-ttl), as a watcher sees it: DELETED.</summary>
public sealed class EventTimeToLiveTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void An_event_goes_an_hour_after_its_last_write_and_an_update_gives_it_a_new_hour()
    {
        using var cache = new ClusterCache(_fixture.Store);
        var ttl = new EventTimeToLive(_fixture.Registry, cache, _fixture.Clock, NullLogger.Instance);
        cache.Start();
        var start = _fixture.Clock.UtcNow;
        var first = _fixture.Registry.Create(Event("web-1.1"), "kubelet");
        _fixture.Clock.UtcNow = start.AddMinutes(30);
        var updated = RegistryFixture.Copy(first);
        updated.Count = 2;
        _fixture.Registry.Update(updated, "kubelet");
        _fixture.Registry.Create(Event("web-2.1"), "kubelet");
        var before = _fixture.Store.ResourceVersion;

        _fixture.Clock.UtcNow = start.AddMinutes(59);
        ttl.ExpireDue(_fixture.Clock.UtcNow);
        Assert.NotNull(_fixture.Registry.Get<Corev1Event>("default", "web-1.1"));

        _fixture.Clock.UtcNow = start.AddMinutes(61);
        ttl.ExpireDue(_fixture.Clock.UtcNow);
        Assert.NotNull(_fixture.Registry.Get<Corev1Event>("default", "web-1.1")); // written again at 30 minutes

        _fixture.Clock.UtcNow = start.AddMinutes(90);
        ttl.ExpireDue(_fixture.Clock.UtcNow);
        Assert.Null(_fixture.Registry.Get<Corev1Event>("default", "web-1.1"));
        Assert.Null(_fixture.Registry.Get<Corev1Event>("default", "web-2.1"));
        var deleted = _fixture.Store.EventsSince(EventStrategy.Type, before);
        Assert.Equal(["web-1.1", "web-2.1"], deleted.Select(e => e.Object.Metadata.Name).Order());
        Assert.All(deleted, e => Assert.Equal(WatchEventType.Deleted, e.Type));
    }

    [Fact]
    public void Events_a_previous_run_left_get_an_hour_from_the_start()
    {
        _fixture.Registry.Create(Event("old.1"), "kubelet");
        _fixture.Clock.UtcNow = _fixture.Clock.UtcNow.AddHours(5);
        using var cache = new ClusterCache(_fixture.Store);
        var ttl = new EventTimeToLive(_fixture.Registry, cache, _fixture.Clock, NullLogger.Instance);
        cache.Start();
        ttl.EnqueueExisting();

        ttl.ExpireDue(_fixture.Clock.UtcNow.AddMinutes(59));
        Assert.NotNull(_fixture.Registry.Get<Corev1Event>("default", "old.1"));
        ttl.ExpireDue(_fixture.Clock.UtcNow.AddMinutes(60));
        Assert.Null(_fixture.Registry.Get<Corev1Event>("default", "old.1"));
    }

    private static Corev1Event Event(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = name.Split('.')[0], NamespaceProperty = "default", ApiVersion = "v1" },
        Reason = "Started",
        Message = "Started container app",
        Type = "Normal",
        Source = new V1EventSource { Component = "kubelet" },
        Count = 1,
    };
}
