using System.Threading.Channels;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Watch;

/// <summary>
/// A watcher's queue of changes of one resource (in one namespace or all), filled in commit order by the
/// <see cref="WatchHub"/> from the moment it is created.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchChange> _changes = Channel.CreateUnbounded<WatchChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<WatchSubscription> _unsubscribe;

    public WatchSubscription(ResourceType resource, string? @namespace, Action<WatchSubscription> unsubscribe)
    {
        Resource = resource;
        Namespace = @namespace;
        _unsubscribe = unsubscribe;
    }

    public ResourceType Resource { get; }

    public string? Namespace { get; }

    public ChannelReader<WatchChange> Changes => _changes.Reader;

    internal void Offer(WatchChange change)
    {
        if (Namespace is null || change.Object.Metadata.NamespaceProperty == Namespace)
        {
            _changes.Writer.TryWrite(change);
        }
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _changes.Writer.TryComplete();
    }
}
