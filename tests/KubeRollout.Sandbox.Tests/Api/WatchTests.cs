using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class WatchTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_watch_from_resourceVersion_0_starts_with_the_current_objects_then_streams_changes()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("before"), ns);
        await using var watch = await WatchStream.OpenAsync(sandbox.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion=0");

        var initial = await watch.NextAsync(Timeout);
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("after"), ns);
        var added = await watch.NextAsync(Timeout);
        await sandbox.Client.CoreV1.DeleteNamespacedConfigMapAsync("before", ns);
        var deleted = await watch.NextAsync(Timeout);

        Assert.Equal(("ADDED", "before"), (Type(initial), Name(initial)));
        Assert.Equal(("ADDED", "after"), (Type(added), Name(added)));
        Assert.Equal(("DELETED", "before"), (Type(deleted), Name(deleted)));
    }

    [Fact]
    public async Task A_watch_from_a_resourceVersion_replays_what_happened_after_it()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var first = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("one"), ns);
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("two"), ns);
        first.Data["key"] = "changed";
        await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(first, "one", ns);

        await using var watch = await WatchStream.OpenAsync(sandbox.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={first.Metadata.ResourceVersion}");
        var events = new[] { await watch.NextAsync(Timeout), await watch.NextAsync(Timeout) };

        Assert.Equal(["ADDED two", "MODIFIED one"], events.Select(e => $"{Type(e)} {Name(e)}"));
        Assert.Equal("changed", (string?)events[1]["object"]!["data"]!["key"]);
    }

    [Fact]
    public async Task Watch_list_sends_initial_events_then_a_bookmark_marking_their_end()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("existing"), ns);

        await using var watch = await WatchStream.OpenAsync(sandbox.Http,
            $"/api/v1/namespaces/{ns}/configmaps?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        var added = await watch.NextAsync(Timeout);
        var bookmark = await watch.NextAsync(Timeout);

        Assert.Equal(("ADDED", "existing"), (Type(added), Name(added)));
        Assert.Equal("BOOKMARK", Type(bookmark));
        Assert.Equal("true", (string?)bookmark["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]);
        Assert.False(string.IsNullOrEmpty((string?)bookmark["object"]!["metadata"]!["resourceVersion"]));
    }

    [Fact]
    public async Task TimeoutSeconds_ends_the_stream()
    {
        await using var watch = await WatchStream.OpenAsync(sandbox.Http, "/api/v1/namespaces/kube-public/configmaps?watch=true&timeoutSeconds=1");

        Assert.Null(await watch.NextOrEndAsync(Timeout));
    }

    [Fact]
    public async Task A_label_selector_watch_sees_objects_entering_and_leaving_the_selection()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var map = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("moving"), ns);
        await using var watch = await WatchStream.OpenAsync(sandbox.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&labelSelector=app%3Dweb&resourceVersion={map.Metadata.ResourceVersion}");

        map.Metadata.Labels = new Dictionary<string, string> { ["app"] = "web" };
        map = await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "moving", ns);
        var entered = await watch.NextAsync(Timeout);
        map.Data["key"] = "still selected";
        map = await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "moving", ns);
        var modified = await watch.NextAsync(Timeout);
        map.Metadata.Labels = new Dictionary<string, string> { ["app"] = "other" };
        await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "moving", ns);
        var left = await watch.NextAsync(Timeout);

        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], new[] { Type(entered), Type(modified), Type(left) });
    }

    [Fact]
    public async Task A_resumed_label_selector_watch_replays_objects_entering_and_leaving_the_selection_as_it_would_live()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var map = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("moving"), ns);
        var start = map.Metadata.ResourceVersion;
        map.Metadata.Labels = new Dictionary<string, string> { ["app"] = "web" };
        map = await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "moving", ns);
        map.Data["key"] = "still selected";
        map = await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "moving", ns);
        map.Metadata.Labels = new Dictionary<string, string> { ["app"] = "other" };
        await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "moving", ns);

        // Every change happened before the watch: all three come from the server's window of past events.
        await using var watch = await WatchStream.OpenAsync(sandbox.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&labelSelector=app%3Dweb&resourceVersion={start}");
        var events = new[] { await watch.NextAsync(Timeout), await watch.NextAsync(Timeout), await watch.NextAsync(Timeout) };

        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], events.Select(Type));
    }

    [Fact]
    public async Task No_event_is_lost_between_the_initial_list_and_the_live_stream()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        using var writing = new CancellationTokenSource();
        var created = 0;
        var writer = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested && created < 200)
            {
                await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap($"cm-{created}"), ns);
                created++;
            }
        });

        await using var watch = await WatchStream.OpenAsync(sandbox.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true");
        await writer;
        var seen = new List<string>();
        while (seen.Count < created)
        {
            var next = await watch.NextAsync(Timeout);
            Assert.Equal("ADDED", Type(next));
            seen.Add(Name(next));
        }

        Assert.Equal(Enumerable.Range(0, created).Select(i => $"cm-{i}").Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task KubernetesClient_watches_work()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        var events = sandbox.Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);
        var received = events.MoveNextAsync().AsTask();

        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(TestObjects.ConfigMap("seen"), ns);

        Assert.True(await received);
        Assert.Equal((WatchEventType.Added, "seen"), (events.Current.Item1, events.Current.Item2.Metadata.Name));
        await events.DisposeAsync();
    }

    private static string Type(JsonObject watchEvent) => (string)watchEvent["type"]!;

    private static string Name(JsonObject watchEvent) => (string)watchEvent["object"]!["metadata"]!["name"]!;
}

/// <summary>Reads a watch response line by line.</summary>
internal sealed class WatchStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<WatchStream> OpenAsync(HttpClient client, string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new WatchStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<JsonObject> NextAsync(TimeSpan timeout) =>
        await NextOrEndAsync(timeout) ?? throw new InvalidOperationException("The watch ended.");

    public async Task<JsonObject?> NextOrEndAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var line = await _reader.ReadLineAsync(cancel.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
