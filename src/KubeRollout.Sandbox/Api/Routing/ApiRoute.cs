using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Routing;

internal enum RouteKind
{
    /// <summary>No endpoint: answered with 404.</summary>
    Unknown,
    Version,

    /// <summary><c>/api</c>: the core group's versions.</summary>
    CoreVersions,

    /// <summary><c>/apis</c>: the named groups.</summary>
    GroupList,

    /// <summary><c>/apis/{group}</c>.</summary>
    Group,

    /// <summary><c>/api/v1</c> or <c>/apis/{group}/{version}</c>: the resources of a group version.</summary>
    ResourceList,
    OpenApiV3Index,

    /// <summary><c>/openapi/v2</c>: the Swagger 2.0 document, as JSON or protobuf.</summary>
    OpenApiV2,

    /// <summary><c>/openapi/v3/{api/v1 | apis/group/version}</c>.</summary>
    OpenApiV3Document,

    /// <summary><c>/metrics</c>: the request metrics in the Prometheus text format.</summary>
    Metrics,
    Resource,
}

/// <summary>What a URL path addresses. <see cref="Target"/> is set for <see cref="RouteKind.Resource"/>.</summary>
internal sealed record ApiRoute(RouteKind Kind, string Group = "", string Version = "", ResourceTarget? Target = null, string? DocumentPath = null)
{
    public static readonly ApiRoute Unknown = new(RouteKind.Unknown);
}

/// <summary>
/// A resource URL: the collection (no <see cref="Name"/>), one object, or one of its subresources.
/// <see cref="Namespace"/> is null for cluster-scoped resources and for lists across all namespaces.
/// </summary>
internal sealed record ResourceTarget(ResourceType Resource, string? Namespace, string? Name, string? Subresource)
{
    public bool IsCollection => Name is null;
}
