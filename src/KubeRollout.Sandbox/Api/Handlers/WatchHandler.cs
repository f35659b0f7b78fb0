using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Metrics;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Api.Selectors;
using KubeRollout.Sandbox.Api.Tables;
using KubeRollout.Sandbox.Api.Watch;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;
using WatchEventType = KubeRollout.Sandbox.Storage.WatchEventType;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>
/// A watch: newline-delimited JSON events, flushed as they happen. With resourceVersion "" or "0" (or
/// sendInitialEvents) the current objects come first as ADDED; with a given version, the events after it (410 Expired
/// as an ERROR event when it is too old). The subscription starts before the snapshot is taken and events already
/// in the snapshot are skipped, so nothing is lost or reordered between the two.
/// </summary>
internal sealed class WatchHandler(ApiContext api)
{
    private const string InitialEventsEndAnnotation = "k8s.io/initial-events-end";
    private const int InitialEventsPerFlush = 256;
    private const long MaxWatchSeconds = 24L * 24 * 3600; // a timer waits at most int.MaxValue milliseconds (24.8 days)
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromSeconds(30);

    public async Task HandleAsync(HttpContext http, ResourceTarget target)
    {
        var query = new QueryParameters(http.Request.Query);
        var format = ContentNegotiation.Negotiate(http.Request.Headers.Accept);
        var include = IncludeObjectPolicies.Parse(query.Get("includeObject"));
        var options = ListOptions.From(target, query, watch: true);
        var filter = options.Selection;
        var bookmarks = query.GetBool("allowWatchBookmarks");
        var sendInitialEvents = options.SendInitialEvents;
        var startVersion = sendInitialEvents ? null : options.MinimumVersion;
        var timeout = WatchTimeout(options.TimeoutSeconds);

        var watchLabels = RequestMetricLabels.ForResource(target, HttpMethods.Get, watching: true, contentType: null, dryRun: []);
        using var open = api.Metrics.TrackLongRunning(watchLabels.WithScope(RequestMetricLabels.RequestInfoScope(target, filter.Fields.PinnedName)));
        using var subscription = api.Watches.Subscribe(target.Resource, filter.Namespace);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, api.Stopping);
        lifetime.CancelAfter(timeout);
        var stream = new EventStream(http.Response, format, target.Resource, include, api);
        await stream.StartAsync();

        long sent;
        if (startVersion is { } since)
        {
            IReadOnlyList<StoreEvent> history;
            try
            {
                history = api.Registry.Store.EventsSince(target.Resource, since);
            }
            catch (StoreException e) when (e.Code == StatusCodes.Status410Gone)
            {
                await stream.WriteErrorAsync(e, lifetime.Token);
                return;
            }

            foreach (var past in history)
            {
                if (SelectionChange.AsSeen(filter, past.Type, past.Object, past.Previous) is { } seen)
                {
                    stream.Write(seen, past.Object);
                }
            }

            sent = Math.Max(since, history.Count > 0 ? history[^1].ResourceVersion : since);
        }
        else
        {
            var snapshot = api.Registry.Store.List(target.Resource, filter.Namespace, filter.Matches, out var listVersion);
            for (var i = 0; i < snapshot.Count; i++)
            {
                stream.Write(WatchEventType.Added, snapshot[i]);
                if (i % InitialEventsPerFlush == InitialEventsPerFlush - 1)
                {
                    await stream.FlushAsync(lifetime.Token); // large lists go out as they are written, not all buffered
                }
            }

            sent = listVersion;
            if (sendInitialEvents && bookmarks)
            {
                stream.WriteBookmark(listVersion, initialEventsEnd: true);
            }
        }

        await stream.FlushAsync(lifetime.Token);
        await PumpAsync(subscription, filter, stream, sent, bookmarks, lifetime.Token);
    }

    private async Task PumpAsync(WatchSubscription subscription, ObjectFilter filter, EventStream stream, long sent, bool bookmarks, CancellationToken cancellationToken)
    {
        var nextBookmark = DateTime.UtcNow + BookmarkInterval;
        try
        {
            while (true)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (bookmarks)
                {
                    wait.CancelAfter(Max(nextBookmark - DateTime.UtcNow, TimeSpan.Zero));
                }

                bool available;
                try
                {
                    available = await subscription.Changes.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Time for a bookmark: every change up to the current version is already queued.
                    var version = api.Registry.Store.ResourceVersion;
                    sent = Drain(subscription, filter, stream, sent);
                    stream.WriteBookmark(Math.Max(version, sent), initialEventsEnd: false);
                    await stream.FlushAsync(cancellationToken);
                    nextBookmark = DateTime.UtcNow + BookmarkInterval;
                    continue;
                }

                if (!available)
                {
                    return;
                }

                sent = Drain(subscription, filter, stream, sent);
                await stream.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, client gone or server stopping: the watch ends normally.
        }
    }

    /// <summary>Writes every queued change not already covered by what was sent, as the filter sees it.</summary>
    private static long Drain(WatchSubscription subscription, ObjectFilter filter, EventStream stream, long sent)
    {
        while (subscription.Changes.TryRead(out var change))
        {
            if (change.ResourceVersion <= sent)
            {
                continue;
            }

            sent = change.ResourceVersion;
            var seen = SelectionChange.AsSeen(filter, change.Type, change.Object, change.Previous);
            if (seen == change.Type)
            {
                stream.Write(change); // the line encoded once for every watcher
            }
            else if (seen is { } translated)
            {
                stream.Write(translated, change.Object);
            }
        }

        return sent;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// timeoutSeconds as the API server takes it: none or 0 is its default (spread out), a negative one ends the
    /// watch at once, and one beyond what a timer can wait is as good as endless.
    /// </summary>
    private static TimeSpan WatchTimeout(long? seconds) => seconds switch
    {
        null or 0 => TimeSpan.FromMinutes(30 + Random.Shared.Next(30)),
        < 0 => TimeSpan.Zero,
        > MaxWatchSeconds => TimeSpan.FromSeconds(MaxWatchSeconds),
        _ => TimeSpan.FromSeconds(seconds.Value),
    };

    /// <summary>The response side of a watch: one JSON line per event, in the requested representation.</summary>
    private sealed class EventStream(HttpResponse response, ResponseFormat format, ResourceType resource, IncludeObjectPolicy include, ApiContext api)
    {
        private readonly TableJson? _table = format.Shape == ResponseShape.Table
            ? new TableJson(ResourceRegistry.For(resource).Printer, include, format.MetaVersion, api.Responses.Serialized)
            : null;

        private bool _columnsSent;

        public async Task StartAsync()
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = format.ContentType;
            response.Headers.CacheControl = "no-cache, private";
            await response.StartAsync();
            await response.Body.FlushAsync();
        }

        /// <summary>A change exactly as it happened: its shared, pre-encoded line.</summary>
        public void Write(WatchChange change)
        {
            if (_table is null && format.Shape == ResponseShape.Object)
            {
                response.BodyWriter.Write(change.Line);
            }
            else
            {
                Write(change.Type, change.Object);
            }
        }

        public void Write(WatchEventType type, IKubernetesObject<V1ObjectMeta> obj)
        {
            switch (format.Shape)
            {
                case ResponseShape.Table:
                    var buffer = new ArrayBufferWriter<byte>(1024);
                    using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
                    {
                        _table!.Write(writer, [obj], ListMetadata.Of(obj), includeColumns: !_columnsSent, api.Now);
                    }

                    _columnsSent = true;
                    response.BodyWriter.Write(WatchEventJson.Line(type, buffer.WrittenSpan));
                    break;
                case ResponseShape.PartialObjectMetadata:
                    var metadata = new ArrayBufferWriter<byte>(512);
                    using (var writer = new Utf8JsonWriter(metadata, new JsonWriterOptions { SkipValidation = true }))
                    {
                        PartialObjectMetadataJson.Write(writer, obj, format.MetaVersion);
                    }

                    response.BodyWriter.Write(WatchEventJson.Line(type, metadata.WrittenSpan));
                    break;
                default:
                    response.BodyWriter.Write(WatchEventJson.Line(type, api.Responses.Serialized.Utf8(obj)));
                    break;
            }
        }

        public void WriteBookmark(long resourceVersion, bool initialEventsEnd)
        {
            var (kind, apiVersion) = format.Shape == ResponseShape.Object
                ? (resource.Kind, resource.ApiVersion)
                : ("PartialObjectMetadata", $"meta.k8s.io/{format.MetaVersion}");
            var annotations = initialEventsEnd ? $",\"annotations\":{{\"{InitialEventsEndAnnotation}\":\"true\"}}" : string.Empty;
            var json = $"{{\"kind\":\"{kind}\",\"apiVersion\":\"{apiVersion}\",\"metadata\":{{\"resourceVersion\":\"{resourceVersion.ToString(CultureInfo.InvariantCulture)}\",\"creationTimestamp\":null{annotations}}}}}";
            response.BodyWriter.Write(WatchEventJson.Line(WatchEventType.Bookmark, Encoding.UTF8.GetBytes(json)));
        }

        public async Task WriteErrorAsync(StoreException error, CancellationToken cancellationToken)
        {
            response.BodyWriter.Write(WatchEventJson.Line("ERROR", StatusJson.ToUtf8(error)));
            await FlushAsync(cancellationToken);
        }

        public async Task FlushAsync(CancellationToken cancellationToken) => await response.BodyWriter.FlushAsync(cancellationToken);
    }
}
