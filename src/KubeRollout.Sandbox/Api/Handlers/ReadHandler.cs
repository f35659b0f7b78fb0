using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Api.Tables;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>GET of one object (or its status subresource) and of collections (list).</summary>
internal sealed class ReadHandler(ApiContext api)
{
    public Task GetAsync(HttpContext http, ResourceTarget target)
    {
        var query = new QueryParameters(http.Request.Query);
        var format = ContentNegotiation.Negotiate(http.Request.Headers.Accept);
        var include = IncludeObjectPolicies.Parse(query.Get("includeObject"));
        var obj = api.Registry.Get(target.Resource, target.Namespace, target.Name!)
            ?? throw ApiErrors.NotFound(target.Resource, target.Name!);
        return api.Responses.WriteReadAsync(http.Response, target.Resource, obj, format, include);
    }

    public Task ListAsync(HttpContext http, ResourceTarget target)
    {
        var query = new QueryParameters(http.Request.Query);
        var format = ContentNegotiation.Negotiate(http.Request.Headers.Accept);
        var include = IncludeObjectPolicies.Parse(query.Get("includeObject"));
        var page = ListPage.Read(api.Registry, target.Resource, ListOptions.From(target, query, watch: false));
        return api.Responses.WriteListAsync(http.Response, target.Resource, page.Items, page.Metadata, format, include, http.RequestAborted);
    }
}
