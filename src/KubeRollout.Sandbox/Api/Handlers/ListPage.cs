using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Responses;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>
/// One page of a list as the API server's storage serves it: objects in key order, at most <c>limit</c> of them with
/// a continue token and the count of those left (when nothing is filtered), from the version the options ask for.
/// A continued list shows the objects after the token's key as they are now: the sandbox keeps no older versions,
/// so a token older than the watch window is 410 Expired, as a compacted etcd answers.
/// </summary>
internal sealed record ListPage(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Items, long ResourceVersion, string? Continue, long? RemainingItemCount)
{
    public ListMetadata Metadata => new(ResourceVersion, Continue, RemainingItemCount);

    public static ListPage Read(ClusterRegistry registry, ResourceType resource, ListOptions options)
    {
        var filter = options.Selection;
        var all = registry.List(resource, filter.Namespace, filter.Matches, out var current);
        var acrossNamespaces = resource.Namespaced && filter.Namespace is null;
        var version = current;
        IEnumerable<IKubernetesObject<V1ObjectMeta>> selected = all.OrderBy(o => Key(o, acrossNamespaces), StringComparer.Ordinal);
        if (options.Continue is { } token)
        {
            RequireInWindow(registry, resource, token.ResourceVersion, ContinueTooOld);
            version = token.ResourceVersion;
            selected = selected.Where(o => string.CompareOrdinal(Key(o, acrossNamespaces), token.StartKey) >= 0);
        }
        else if (options.MinimumVersion is { } minimum)
        {
            if (minimum > current)
            {
                throw TooLargeResourceVersion(minimum, current);
            }

            if (options.ResourceVersionMatch == ListOptions.Exact && minimum < current)
            {
                const string tooOld = "The resourceVersion for the provided list is too old.";
                if (RequireInWindow(registry, resource, minimum, tooOld).Count > 0)
                {
                    throw new StoreException(StatusCodes.Status410Gone, "Expired", tooOld); // no older versions are kept to list from
                }

                version = minimum;
            }
        }

        var items = selected.ToList();
        if (options.Limit <= 0 || items.Count <= options.Limit)
        {
            return new ListPage(items, version, null, null);
        }

        var page = items.Take((int)Math.Min(options.Limit, int.MaxValue)).ToList();
        var next = new ContinueToken(version, Key(page[^1], acrossNamespaces) + "\0");
        var unfiltered = filter.Labels.Requirements.Count == 0 && filter.Fields.Requirements.Count == 0;
        return new ListPage(page, version, next.Encode(), unfiltered ? items.Count - page.Count : null);
    }

    private const string ContinueTooOld =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, "
        + "or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an "
        + "inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

    /// <summary>The object's storage key below the list's prefix.</summary>
    private static string Key(IKubernetesObject<V1ObjectMeta> obj, bool acrossNamespaces) =>
        acrossNamespaces ? $"{obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}" : obj.Metadata.Name;

    /// <summary>
    /// The resource's changes since a version still in the watch window; an older version is gone, as after a
    /// compaction (410 Expired).
    /// </summary>
    private static IReadOnlyList<StoreEvent> RequireInWindow(ClusterRegistry registry, ResourceType resource, long version, string expiredMessage)
    {
        try
        {
            return registry.Store.EventsSince(resource, version);
        }
        catch (StoreException e) when (e.Code == StatusCodes.Status410Gone)
        {
            throw new StoreException(StatusCodes.Status410Gone, "Expired", expiredMessage);
        }
    }

    private static StoreException TooLargeResourceVersion(long minimum, long current) =>
        new(StatusCodes.Status504GatewayTimeout, "Timeout", $"Too large resource version: {minimum}, current: {current}",
            new V1StatusDetails
            {
                Causes = [new V1StatusCause { Reason = "ResourceVersionTooLarge", Message = "Too large resource version" }],
                RetryAfterSeconds = 1,
            });
}
