using KubeRollout.Sandbox.Api.Discovery;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Handlers;
using KubeRollout.Sandbox.Api.Metrics;
using KubeRollout.Sandbox.Api.OpenApi;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Security;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Api;

/// <summary>
/// The API server's request pipeline: bearer authentication, routing of the URL, dispatch by verb, and the
/// translation of every failure into a Status (500 only for bugs, which are logged; the server carries on).
/// Requests that reach a resource handler (and the paths kube-apiserver instruments) are counted in its metrics
/// once they end, with the code they were answered with.
/// </summary>
internal sealed class ApiServer
{
    private readonly ApiContext _api;
    private readonly BearerToken _token;
    private readonly DiscoveryDocuments _discovery;
    private readonly OpenApiDocuments _openApi = new();
    private readonly ReadHandler _read;
    private readonly WatchHandler _watch;
    private readonly CreateHandler _create;
    private readonly UpdateHandler _update;
    private readonly PatchHandler _patch;
    private readonly DeleteHandler _delete;
    private readonly ScaleHandler _scale;

    public ApiServer(ApiContext api, BearerToken token, string serverAddress)
    {
        _api = api;
        _token = token;
        _discovery = new DiscoveryDocuments(serverAddress);
        _read = new ReadHandler(api);
        _watch = new WatchHandler(api);
        _create = new CreateHandler(api);
        _update = new UpdateHandler(api);
        _patch = new PatchHandler(api);
        _delete = new DeleteHandler(api);
        _scale = new ScaleHandler(api);
    }

    public async Task HandleAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            // Acknowledge no write before it is kept: the answer waits until every commit so far is in the journal.
            http.Response.OnStarting(() => _api.Journal.WaitUntilWrittenAsync(_api.Registry.ResourceVersion, http.RequestAborted));
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var measured = new MeasuredRequest();
        try
        {
            if (!_token.Matches(http.Request.Headers.Authorization))
            {
                throw ApiErrors.Unauthorized();
            }

            await DispatchAsync(http, ApiPathParser.Parse(http.Request.Path.Value ?? "/"), measured);
        }
        catch (StoreException error) when (!http.Response.HasStarted)
        {
            http.Response.Headers.Remove("Warning");
            await ResponseWriter.WriteStatusAsync(http.Response, error);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested || _api.Stopping.IsCancellationRequested)
        {
            // The client went away or the server is stopping.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _api.Logger.LogError(error, "Unexpected error serving {Method} {Path}", http.Request.Method, http.Request.Path.Value);
            if (!http.Response.HasStarted)
            {
                http.Response.Headers.Remove("Warning");
                await ResponseWriter.WriteStatusAsync(http.Response, ApiErrors.InternalError(error));
            }
        }
        finally
        {
            if (measured.Labels is { } labels)
            {
                _api.Metrics.Observe(labels, http.Response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
        }
    }

    private Task DispatchAsync(HttpContext http, ApiRoute route, MeasuredRequest measured)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (route.Kind is not (RouteKind.Resource or RouteKind.Unknown) && !isGet)
        {
            throw ApiErrors.MethodNotAllowed();
        }

        var accept = http.Request.Headers.Accept.ToString();
        return route.Kind switch
        {
            RouteKind.Version => Json(http, _discovery.Version),
            RouteKind.CoreVersions => DiscoveryDocuments.WantsAggregated(accept)
                ? Json(http, _discovery.AggregatedCore, DiscoveryDocuments.AggregatedContentType, measured.As(RequestMetricLabels.ForPath("api", RequestMetricLabels.ApiServerComponent)))
                : Json(http, _discovery.CoreVersions),
            RouteKind.GroupList => DiscoveryDocuments.WantsAggregated(accept)
                ? Json(http, _discovery.AggregatedGroups, DiscoveryDocuments.AggregatedContentType, measured.As(RequestMetricLabels.ForPath("apis", RequestMetricLabels.ApiServerComponent)))
                : Json(http, _discovery.GroupList),
            RouteKind.Group => Json(http, _discovery.Group(route.Group)),
            RouteKind.ResourceList => Json(http, _discovery.ResourceList(route.Group, route.Version)),
            RouteKind.OpenApiV3Index => Json(http, _openApi.Index, measured: measured.As(RequestMetricLabels.ForPath("openapi/v3", string.Empty))),
            RouteKind.OpenApiV3Document => Json(http, _openApi.Document(route.DocumentPath!), measured: measured.As(RequestMetricLabels.ForPath("openapi/v3/", string.Empty))),
            RouteKind.OpenApiV2 => OpenApiV2Async(http, accept),
            RouteKind.Metrics => ResponseWriter.WriteJsonAsync(http.Response, StatusCodes.Status200OK, System.Text.Encoding.UTF8.GetBytes(_api.Metrics.ToText()), PrometheusText.ContentType),
            RouteKind.Resource => DispatchResourceAsync(http, route.Target!, measured),
            _ => throw ApiErrors.RouteNotFound(),
        };
    }

    private Task DispatchResourceAsync(HttpContext http, ResourceTarget target, MeasuredRequest measured)
    {
        var method = http.Request.Method;
        var watching = HttpMethods.IsGet(method) && new QueryParameters(http.Request.Query).GetBool("watch");
        var acrossNamespaces = target.Resource.Namespaced && target.Namespace is null;
        if (acrossNamespaces && !HttpMethods.IsGet(method))
        {
            throw ApiErrors.MethodNotAllowed(); // only list and watch exist across namespaces
        }

        var strategy = ResourceRegistry.For(target.Resource);
        if (target.Subresource is null && Verb(method, target.IsCollection, watching) is { } verb && !strategy.Verbs.Contains(verb))
        {
            throw ApiErrors.MethodNotAllowed();
        }

        if (strategy.Warning is { } warning)
        {
            ResponseWriter.AddWarnings(http.Response, [warning]);
        }

        measured.Set(RequestMetricLabels.ForResource(
            target, method, watching, http.Request.ContentType, new QueryParameters(http.Request.Query).GetAll("dryRun")));

        return (method, target.IsCollection, target.Subresource) switch
        {
            _ when watching && target.Subresource is null => _watch.HandleAsync(http, target),
            ("GET", true, _) => _read.ListAsync(http, target),
            ("GET", false, "scale") => _scale.GetAsync(http, target),
            ("GET", false, _) => _read.GetAsync(http, target),
            ("POST", true, _) => _create.HandleAsync(http, target),
            ("PUT", false, "scale") => _scale.UpdateAsync(http, target),
            ("PUT", false, _) => _update.HandleAsync(http, target),
            ("PATCH", false, "scale") => _scale.PatchAsync(http, target),
            ("PATCH", false, _) => _patch.HandleAsync(http, target),
            ("DELETE", false, null) => _delete.DeleteAsync(http, target),
            ("DELETE", true, _) => _delete.DeleteCollectionAsync(http, target),
            _ => throw ApiErrors.MethodNotAllowed(),
        };
    }

    /// <summary>Protobuf when the client asks for it first (kubectl, Helm), else JSON.</summary>
    private Task OpenApiV2Async(HttpContext http, string accept) =>
        OpenApiFormats.WantsProtobuf(accept)
            ? ResponseWriter.WriteJsonAsync(http.Response, StatusCodes.Status200OK, _openApi.V2Protobuf, OpenApiFormats.ProtobufContentType)
            : Json(http, OpenApiFormats.AcceptsJson(accept) ? _openApi.V2Json : throw ApiErrors.NotAcceptable());

    /// <summary>The discovery verb a request on a resource needs (null for methods no verb names).</summary>
    private static string? Verb(string method, bool collection, bool watching) => (method, collection) switch
    {
        _ when watching => "watch",
        ("GET", true) => "list",
        ("GET", false) => "get",
        ("POST", _) => "create",
        ("PUT", _) => "update",
        ("PATCH", _) => "patch",
        ("DELETE", true) => "deletecollection",
        ("DELETE", false) => "delete",
        _ => null,
    };

    /// <param name="measured">Set when the path is one kube-apiserver counts (only once it is found).</param>
    private static Task Json(HttpContext http, byte[]? document, string contentType = ResponseWriter.JsonContentType, Action? measured = null)
    {
        if (document is null)
        {
            throw ApiErrors.RouteNotFound();
        }

        measured?.Invoke();
        return ResponseWriter.WriteJsonAsync(http.Response, StatusCodes.Status200OK, document, contentType);
    }

    /// <summary>The labels a request is counted under, once it is known to reach an instrumented handler.</summary>
    private sealed class MeasuredRequest
    {
        public RequestMetricLabels? Labels { get; private set; }

        public void Set(RequestMetricLabels labels) => Labels = labels;

        /// <summary>Sets the labels when invoked (for a document counted only once it is found).</summary>
        public Action As(RequestMetricLabels labels) => () => Set(labels);
    }
}
