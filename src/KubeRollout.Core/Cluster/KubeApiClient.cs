using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Exceptions;
using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Cluster;

/// <summary>
/// A thin REST client over KubernetesClient's authenticated HTTP pipeline (TLS, tokens, exec plugins), with the
/// query options rollouts need (dryRun, fieldManager, selectors, watch from a resourceVersion) and one translation
/// of failures into errors that never carry credentials.
/// </summary>
public sealed class KubeApiClient : IDisposable
{
    /// <summary>The field manager of every write the module makes.</summary>
    public const string FieldManager = "kuberollout";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly k8s.Kubernetes _kubernetes;

    private KubeApiClient(KubernetesClientConfiguration configuration, string @namespace, string? context)
    {
        configuration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        _kubernetes = new k8s.Kubernetes(configuration);
        Server = new Uri(configuration.Host);
        Namespace = @namespace;
        Context = context;
    }

    public Uri Server { get; }

    /// <summary>The namespace objects default to: -Namespace, else the context's, else "default".</summary>
    public string Namespace { get; }

    public string? Context { get; }

    /// <summary>Connects with the kubeconfig as kubectl loads it (<see cref="KubeConfigLoader"/>); nothing is sent yet.</summary>
    public static KubeApiClient Connect(ConnectionOptions options)
    {
        var configuration = KubeConfigLoader.Load(options);
        var @namespace = !string.IsNullOrEmpty(options.Namespace) ? options.Namespace
            : !string.IsNullOrEmpty(configuration.Namespace) ? configuration.Namespace
            : "default";
        try
        {
            return new KubeApiClient(configuration, @namespace, configuration.CurrentContext);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or IOException or KubeConfigException)
        {
            // KubernetesClient reads client certificates and keys only when it builds the connection.
            throw new KubeRolloutException(
                "KubeConfigInvalid", FailureKind.InvalidArgument,
                $"Cannot connect: the credentials of the context '{configuration.CurrentContext}' cannot be used: {e.Message}", options.KubeConfigPath, e);
        }
    }

    public async Task<T> GetAsync<T>(ApiResource resource, string? @namespace, string name, CancellationToken cancellationToken, string? subresource = null)
    {
        using var response = await SendAsync(HttpMethod.Get, resource.PathFor(@namespace, name, subresource), null, null, cancellationToken, $"{resource.QualifiedName}/{name}").ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<T?> FindAsync<T>(ApiResource resource, string? @namespace, string name, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await GetAsync<T>(resource, @namespace, name, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<ListResult<T>> ListAsync<T>(
        ApiResource resource, string? @namespace, CancellationToken cancellationToken, string? labelSelector = null, string? fieldSelector = null)
    {
        var list = await ListJsonAsync(resource, @namespace, cancellationToken, labelSelector, fieldSelector).ConfigureAwait(false);
        var items = (list["items"] as JsonArray ?? [])
            .Select(item => KubernetesJson.Deserialize<T>(item!.ToJsonString()))
            .ToList();
        return new ListResult<T>(items, list["metadata"]?["resourceVersion"]?.GetValue<string>() ?? string.Empty);
    }

    /// <summary>The namespace (null for cluster-scoped objects) and name of every object of a list, nothing else read.</summary>
    public async Task<IReadOnlyList<(string? Namespace, string Name)>> ListNamesAsync(ApiResource resource, string? @namespace, CancellationToken cancellationToken)
    {
        var list = await ListJsonAsync(resource, @namespace, cancellationToken, null, null).ConfigureAwait(false);
        return (list["items"] as JsonArray ?? [])
            .Select(item => (Namespace: item?["metadata"]?["namespace"]?.GetValue<string>(), Name: item?["metadata"]?["name"]?.GetValue<string>()))
            .Where(item => item.Name is not null)
            .Select(item => (item.Namespace, item.Name!))
            .ToList();
    }

    private async Task<JsonObject> ListJsonAsync(
        ApiResource resource, string? @namespace, CancellationToken cancellationToken, string? labelSelector, string? fieldSelector)
    {
        var query = Query(("labelSelector", labelSelector), ("fieldSelector", fieldSelector));
        using var response = await SendAsync(HttpMethod.Get, resource.PathFor(@namespace) + query, null, null, cancellationToken, resource.QualifiedName).ConfigureAwait(false);
        return await ReadAsync<JsonObject>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> CreateAsync<T>(ApiResource resource, string? @namespace, T body, bool dryRun, CancellationToken cancellationToken)
    {
        var query = Query(("fieldManager", FieldManager), ("dryRun", dryRun ? "All" : null));
        using var response = await SendAsync(HttpMethod.Post, resource.PathFor(@namespace) + query, KubernetesJson.Serialize(body!), "application/json", cancellationToken, TargetOf(resource, body)).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> ReplaceAsync<T>(ApiResource resource, string? @namespace, string name, T body, bool dryRun, CancellationToken cancellationToken)
    {
        var query = Query(("fieldManager", FieldManager), ("dryRun", dryRun ? "All" : null));
        using var response = await SendAsync(HttpMethod.Put, resource.PathFor(@namespace, name) + query, KubernetesJson.Serialize(body!), "application/json", cancellationToken, $"{resource.QualifiedName}/{name}").ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> PatchAsync<T>(
        ApiResource resource, string? @namespace, string name, string patch, PatchKind kind, bool dryRun, CancellationToken cancellationToken)
    {
        var contentType = kind switch
        {
            PatchKind.Json => "application/json-patch+json",
            PatchKind.Merge => "application/merge-patch+json",
            _ => "application/strategic-merge-patch+json",
        };
        var query = Query(("fieldManager", FieldManager), ("dryRun", dryRun ? "All" : null));
        using var response = await SendAsync(HttpMethod.Patch, resource.PathFor(@namespace, name) + query, patch, contentType, cancellationToken, $"{resource.QualifiedName}/{name}").ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an object; with <paramref name="uid"/>, only that incarnation of it (a precondition, 409 otherwise).</summary>
    public async Task DeleteAsync(ApiResource resource, string? @namespace, string name, string? uid, bool dryRun, CancellationToken cancellationToken)
    {
        var query = Query(("dryRun", dryRun ? "All" : null));
        var body = uid is null ? null : new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["preconditions"] = new JsonObject { ["uid"] = uid } }.ToJsonString();
        using var response = await SendAsync(HttpMethod.Delete, resource.PathFor(@namespace, name) + query, body, body is null ? null : "application/json", cancellationToken, $"{resource.QualifiedName}/{name}").ConfigureAwait(false);
    }

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> until the server ends the watch or the token is cancelled.
    /// An expired version throws a KubeApiException with reason Expired (the caller re-lists).
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        ApiResource resource,
        string? @namespace,
        string resourceVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        string? labelSelector = null,
        string? fieldSelector = null,
        int timeoutSeconds = 300)
    {
        var query = Query(
            ("watch", "true"), ("resourceVersion", resourceVersion), ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("labelSelector", labelSelector), ("fieldSelector", fieldSelector));
        using var response = await SendAsync(HttpMethod.Get, resource.PathFor(@namespace) + query, null, null, cancellationToken, resource.QualifiedName).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);

        // The server ends a watch after timeoutSeconds: one that sends nothing for longer has stopped answering, and is
        // treated as a dropped connection (the caller lists again, which a hung server fails with ClusterTimeout).
        var idleLimit = TimeSpan.FromSeconds(timeoutSeconds) + RequestTimeout;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            string? line;
            try
            {
                idle.CancelAfter(idleLimit);
                line = await reader.ReadLineAsync(idle.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                yield break; // a dropped connection ends the watch; the caller resumes from its last version
            }

            if (line is null)
            {
                yield break;
            }

            if (line.Length == 0)
            {
                continue;
            }

            JsonObject node;
            try
            {
                node = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("the event is not a JSON object");
            }
            catch (JsonException e)
            {
                throw new KubeRolloutException(
                    "ClusterResponseInvalid", FailureKind.InvalidResult, $"The cluster at {Server}{ContextSuffix} sent a watch event that is not JSON: {e.Message}", resource.QualifiedName, e);
            }

            var type = node["type"]?.GetValue<string>();
            var obj = node["object"];
            if (type == "ERROR")
            {
                throw StatusError(obj as JsonObject, HttpStatusCode.Gone, resource.QualifiedName);
            }

            var kind = type switch
            {
                "ADDED" => WatchEventKind.Added,
                "MODIFIED" => WatchEventKind.Modified,
                "DELETED" => WatchEventKind.Deleted,
                _ => WatchEventKind.Bookmark,
            };
            var version = obj?["metadata"]?["resourceVersion"]?.GetValue<string>();
            yield return new WatchEvent<T>(kind, KubernetesJson.Deserialize<T>(obj!.ToJsonString()), version);
        }
    }

    public void Dispose() => _kubernetes.Dispose();

    /// <summary>Sends a request; the answer (its headers, for a watch) must come within <see cref="RequestTimeout"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken, object? target)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);

        using var request = new HttpRequestMessage(method, new Uri(Server, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
        }

        HttpResponseMessage response;
        try
        {
            if (_kubernetes.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, timeout.Token).ConfigureAwait(false);
            }

            response = await _kubernetes.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new KubeRolloutException("OperationStopped", FailureKind.OperationStopped, "The operation was stopped.", target);
        }
        catch (OperationCanceledException)
        {
            throw new KubeRolloutException(
                "ClusterTimeout", FailureKind.OperationTimeout, $"The cluster at {Server} did not answer within {RequestTimeout.TotalSeconds:0} s.", target);
        }
        catch (HttpRequestException e)
        {
            throw new KubeRolloutException(
                "ClusterUnreachable", FailureKind.ConnectionError, $"Cannot reach the cluster at {Server}{ContextSuffix}: {Describe(e)}", target, e);
        }
        catch (KubeConfigException e)
        {
            throw new KubeRolloutException(
                "ClusterAuthenticationFailed", FailureKind.AuthenticationError, $"Cannot get credentials for the cluster at {Server}{ContextSuffix} ({e.GetType().Name}).", target);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonObject? status = null;
            try
            {
                status = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                // not a Status body: the code alone describes the failure
            }

            throw StatusError(status, response.StatusCode, target);
        }
    }

    private KubeApiException StatusError(JsonObject? status, HttpStatusCode fallbackCode, object? target)
    {
        var code = status?["code"]?.GetValue<int>() is int value and > 0 ? (HttpStatusCode)value : fallbackCode;
        var reason = status?["reason"]?.GetValue<string>() ?? string.Empty;
        var message = status?["message"]?.GetValue<string>();
        if (code == HttpStatusCode.Unauthorized)
        {
            message = $"The cluster at {Server}{ContextSuffix} refused the credentials (401 Unauthorized): the token or certificate may have expired.";
        }

        return new KubeApiException(code, reason, message ?? $"The cluster answered {(int)code} {code}.", target);
    }

    private string ContextSuffix => Context is null ? string.Empty : $" (context {Context})";

    private static string Describe(HttpRequestException e) =>
        e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} {inner.Message}" : e.Message;

    /// <summary>A response body as an object; one that is not the JSON expected is the server's failure, not a crash.</summary>
    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (typeof(T) == typeof(JsonObject))
            {
                return (T)(object)((await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false)) as JsonObject
                    ?? throw new JsonException("the body is not a JSON object"));
            }

            return KubernetesJson.Deserialize<T>(stream) ?? throw new JsonException("the body is empty");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new KubeRolloutException(
                "ClusterResponseInvalid", FailureKind.InvalidResult, $"The cluster at {Server}{ContextSuffix} answered with a body that is not a Kubernetes object: {e.Message}", null, e);
        }
    }

    /// <summary>What an error about a request body names: the resource and the object's name, never the body itself.</summary>
    private static string TargetOf<T>(ApiResource resource, T body) => body switch
    {
        JsonObject json => $"{resource.QualifiedName}/{json["metadata"]?["name"]}",
        k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> typed => $"{resource.QualifiedName}/{typed.Metadata?.Name}",
        _ => resource.QualifiedName,
    };

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? string.Empty : "?" + string.Join("&", present);
    }

}
