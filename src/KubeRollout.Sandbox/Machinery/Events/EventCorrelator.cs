namespace KubeRollout.Sandbox.Machinery.Events;

/// <summary>
/// client-go's EventCorrelator, in simulated time: identical events become one event with a growing count;
/// after 10 events of one object and reason with different messages within 10 minutes the rest are combined into
/// one "(combined from similar events): …" event; each source and object gets a token bucket of 25 events
/// refilled one per 5 minutes, beyond which events are dropped. This keeps event volume as real clusters have it
/// (a ReplicaSet creating 1,000 pods records a few dozen events, not 1,000).
/// </summary>
public sealed class EventCorrelator
{
    private const int CacheSize = 4096;
    private const int MaxSimilarEvents = 10;
    private const int SpamBurst = 25;
    private static readonly TimeSpan SimilarWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan SpamRefill = TimeSpan.FromMinutes(5);

    private readonly LruMap<string, Similar> _similar = new(CacheSize);
    private readonly LruMap<string, Observed> _observed = new(CacheSize);
    private readonly LruMap<string, TokenBucket> _spam = new(CacheSize);

    /// <summary>What to write for an event: nothing (dropped), a new event, or an update of an existing one.</summary>
    public Decision Correlate(PendingEvent pending, DateTime now)
    {
        var objectKey = pending.ObjectKey;
        var similarKey = pending.SimilarKey;
        if (!_similar.TryGet(similarKey, out var similar) || now - similar.Last > SimilarWindow)
        {
            similar = new Similar();
        }

        similar.Messages.Add(pending.Message);
        similar.Last = now;
        _similar.Set(similarKey, similar);
        var combined = similar.Messages.Count >= MaxSimilarEvents;
        var message = combined ? "(combined from similar events): " + pending.Message : pending.Message;
        var eventKey = combined ? similarKey : $"{similarKey}\u0000{pending.Message}";

        if (!_spam.TryGet(objectKey, out var bucket))
        {
            bucket = new TokenBucket(SpamBurst, now);
            _spam.Set(objectKey, bucket);
        }

        if (!bucket.TryTake(now, SpamBurst, SpamRefill))
        {
            return Decision.Drop;
        }

        if (_observed.TryGet(eventKey, out var observed))
        {
            observed.Count++;
            return new Decision(DecisionKind.Update, eventKey, observed.Name, observed.Namespace, message, observed.Count, observed.First);
        }

        return new Decision(DecisionKind.Create, eventKey, null, null, message, 1, now);
    }

    /// <summary>Remembers the name under which a new event was stored, for later count updates.</summary>
    public void Created(Decision decision, string name, string @namespace) =>
        _observed.Set(decision.EventKey, new Observed(name, @namespace, decision.FirstTimestamp) { Count = decision.Count });

    /// <summary>Forgets an event that could not be updated (deleted meanwhile), so the next one is created anew.</summary>
    public void Forget(Decision decision) => _observed.Remove(decision.EventKey);

    public enum DecisionKind
    {
        Drop,
        Create,
        Update,
    }

    public sealed record Decision(DecisionKind Kind, string EventKey, string? Name, string? Namespace, string Message, int Count, DateTime FirstTimestamp)
    {
        public static readonly Decision Drop = new(DecisionKind.Drop, string.Empty, null, null, string.Empty, 0, default);
    }

    private sealed class Similar
    {
        public HashSet<string> Messages { get; } = new(StringComparer.Ordinal);

        public DateTime Last { get; set; }
    }

    private sealed record Observed(string Name, string Namespace, DateTime First)
    {
        public int Count { get; set; }
    }

    private sealed class TokenBucket(int tokens, DateTime last)
    {
        private double _tokens = tokens;
        private DateTime _last = last;

        public bool TryTake(DateTime now, int burst, TimeSpan refillEvery)
        {
            if (now > _last)
            {
                _tokens = Math.Min(burst, _tokens + ((now - _last) / refillEvery));
                _last = now;
            }

            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
