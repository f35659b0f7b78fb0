using KubeRollout.Sandbox.Api.Routing;

namespace KubeRollout.Sandbox.Api.Metrics;

/// <summary>
/// The labels of the API server's request metrics (<c>endpoints/metrics</c>), named and valued as kube-apiserver
/// names them: verb GET, LIST, WATCH, POST, PUT, PATCH, APPLY or DELETE; scope resource, namespace, cluster or
/// empty for paths that are no resource; component apiserver (empty for the OpenAPI v3 paths).
/// </summary>
internal readonly record struct RequestMetricLabels(
    string Verb, string DryRun, string Group, string Version, string Resource, string Subresource, string Scope, string Component)
{
    public const string ApiServerComponent = "apiserver";

    /// <summary>The content type that makes a PATCH an APPLY (server-side apply).</summary>
    public const string ApplyPatchContentType = "application/apply-patch+yaml";

    /// <summary>A request routed to a resource, with the scope of its route (as <c>apiserver_request_total</c> reports it).</summary>
    public static RequestMetricLabels ForResource(ResourceTarget target, string method, bool watching, string? contentType, IReadOnlyList<string> dryRun) =>
        new(
            VerbOf(method, target.IsCollection, watching, contentType),
            DryRunOf(dryRun),
            target.Resource.Group,
            target.Resource.Version,
            target.Resource.Plural,
            target.Subresource ?? string.Empty,
            RouteScope(target, method),
            ApiServerComponent);

    /// <summary>A path that is no resource but is instrumented all the same (discovery, OpenAPI v3).</summary>
    public static RequestMetricLabels ForPath(string subresource, string component) =>
        new("GET", string.Empty, string.Empty, string.Empty, string.Empty, subresource, string.Empty, component);

    /// <summary>
    /// GET and HEAD of a collection are LIST, and WATCH with watch=true; a PATCH with the apply content type is APPLY.
    /// Other methods keep their name (a POST is POST, a DELETE of a collection DELETE).
    /// </summary>
    public static string VerbOf(string method, bool collection, bool watching, string? contentType)
    {
        var verb = method.ToUpperInvariant();
        return verb switch
        {
            "GET" or "HEAD" when watching => "WATCH",
            "GET" or "HEAD" => collection ? "LIST" : "GET",
            "PATCH" when contentType == ApplyPatchContentType => "APPLY",
            "POST" or "PUT" or "PATCH" or "DELETE" => verb,
            _ => "other",
        };
    }

    /// <summary>The scope of the route: an object (or a create) is resource, a namespace's collection namespace, else cluster.</summary>
    public static string RouteScope(ResourceTarget target, string method) =>
        !target.IsCollection || string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) ? "resource"
        : target.Namespace is not null ? "namespace"
        : "cluster";

    /// <summary>
    /// The scope <c>apiserver_longrunning_requests</c> reports, from the request's info: a watch narrowed to one
    /// name by <c>fieldSelector=metadata.name=…</c> counts as resource.
    /// </summary>
    public static string RequestInfoScope(ResourceTarget target, string? selectedName) =>
        !target.IsCollection || !string.IsNullOrEmpty(selectedName) ? "resource"
        : target.Namespace is not null ? "namespace"
        : "cluster";

    /// <summary>Empty without dryRun; the sorted distinct values when each is All; "invalid" otherwise.</summary>
    public static string DryRunOf(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return string.Empty;
        }

        return values.All(v => v == "All") ? string.Join(',', values.Distinct().Order(StringComparer.Ordinal)) : "invalid";
    }

    public RequestMetricLabels WithScope(string scope) => this with { Scope = scope };
}
