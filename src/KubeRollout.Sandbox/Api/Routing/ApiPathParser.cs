using KubeRollout.Sandbox.Registry;

namespace KubeRollout.Sandbox.Api.Routing;

/// <summary>Maps a URL path to what it addresses, following the API server's request-info rules.</summary>
internal static class ApiPathParser
{
    /// <summary>Segments after <c>namespaces/{name}</c> that are subresources of the namespace, not resources inside it.</summary>
    private static readonly HashSet<string> NamespaceSubresources = new(StringComparer.Ordinal) { "status", "finalize" };

    public static ApiRoute Parse(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return ApiRoute.Unknown;
        }

        return parts[0] switch
        {
            "version" when parts.Length == 1 => new ApiRoute(RouteKind.Version),
            "metrics" when parts.Length == 1 => new ApiRoute(RouteKind.Metrics),
            "api" => ParseCore(parts),
            "apis" => ParseGroups(parts),
            "openapi" => ParseOpenApi(parts),
            _ => ApiRoute.Unknown,
        };
    }

    private static ApiRoute ParseCore(string[] parts)
    {
        if (parts.Length == 1)
        {
            return new ApiRoute(RouteKind.CoreVersions);
        }

        if (parts[1] != "v1")
        {
            return ApiRoute.Unknown;
        }

        return parts.Length == 2 ? new ApiRoute(RouteKind.ResourceList, "", "v1") : ParseResource("", "v1", parts[2..]);
    }

    private static ApiRoute ParseGroups(string[] parts)
    {
        if (parts.Length == 1)
        {
            return new ApiRoute(RouteKind.GroupList);
        }

        var group = parts[1];
        if (!ResourceRegistry.Resources.Any(r => r.Group == group && group.Length > 0))
        {
            return ApiRoute.Unknown;
        }

        if (parts.Length == 2)
        {
            return new ApiRoute(RouteKind.Group, group);
        }

        var version = parts[2];
        if (!ResourceRegistry.Resources.Any(r => r.Group == group && r.Version == version))
        {
            return ApiRoute.Unknown;
        }

        return parts.Length == 3 ? new ApiRoute(RouteKind.ResourceList, group, version) : ParseResource(group, version, parts[3..]);
    }

    private static ApiRoute ParseOpenApi(string[] parts)
    {
        if (parts.Length == 2 && parts[1] == "v2")
        {
            return new ApiRoute(RouteKind.OpenApiV2);
        }

        if (parts.Length < 2 || parts[1] != "v3")
        {
            return ApiRoute.Unknown;
        }

        return parts.Length == 2
            ? new ApiRoute(RouteKind.OpenApiV3Index)
            : new ApiRoute(RouteKind.OpenApiV3Document, DocumentPath: string.Join('/', parts[2..]));
    }

    private static ApiRoute ParseResource(string group, string version, string[] parts)
    {
        string? @namespace = null;
        if (parts[0] == "namespaces" && parts.Length > 2 && !NamespaceSubresources.Contains(parts[2]))
        {
            @namespace = parts[1];
            parts = parts[2..];
        }

        if (parts.Length > 3)
        {
            return ApiRoute.Unknown;
        }

        var strategy = ResourceRegistry.Find(group, version, parts[0]);
        if (strategy is null)
        {
            return ApiRoute.Unknown;
        }

        var resource = strategy.Resource;

        var name = parts.Length > 1 ? parts[1] : null;
        var subresource = parts.Length > 2 ? parts[2] : null;
        if (resource.Namespaced ? name is not null && @namespace is null : @namespace is not null)
        {
            return ApiRoute.Unknown; // e.g. a namespaced object without its namespace, or a node inside a namespace
        }

        if (subresource is not null && !strategy.Subresources.Contains(subresource))
        {
            return ApiRoute.Unknown;
        }

        return new ApiRoute(RouteKind.Resource, group, version, new ResourceTarget(resource, @namespace, name, subresource));
    }
}
