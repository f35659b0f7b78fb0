using KubeRollout.Core.Cluster;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Completion;

/// <summary>
/// What Tab completion offers, read from the cluster (workload names, namespaces, nodes, revisions) or from the
/// kubeconfig alone (contexts). Every cluster look-up is cached for the session and bounded by
/// <see cref="LookupTimeout"/>: a slow, hung or unreachable cluster yields nothing instead of a hanging Tab.
/// </summary>
public static class ClusterCompletions
{
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(2);

    private static readonly CompletionCache Cache = new();

    public static IReadOnlyList<string> WorkloadNames(ConnectionOptions options, WorkloadKind kind) =>
        Names(options, ApiResource.For(kind), namespaced: true);

    public static IReadOnlyList<string> Namespaces(ConnectionOptions options) => Names(options, ApiResource.Namespaces, namespaced: false);

    public static IReadOnlyList<string> Nodes(ConnectionOptions options) => Names(options, ApiResource.Nodes, namespaced: false);

    /// <summary>The revisions of a workload, newest first.</summary>
    public static IReadOnlyList<RolloutRevision> Revisions(ConnectionOptions options, WorkloadKind kind, string name) =>
        Cache.GetOrAdd(Key(options, $"revisions|{kind}|{name}", namespaced: true), () => Lookup(options, async (client, token) =>
        {
            var workload = new WorkloadReference(kind, client.Namespace, name);
            var history = await RolloutOperations.GetHistoryAsync(client, workload, null, token).ConfigureAwait(false);
            return (IReadOnlyList<RolloutRevision>)history.OrderByDescending(r => r.Revision).ToList();
        }));

    /// <summary>The context names of the kubeconfig, read from the file(s) only; nothing when they cannot be read.</summary>
    public static IReadOnlyList<string> Contexts(string? kubeConfigPath)
    {
        try
        {
            return KubeConfigLoader.ContextNames(kubeConfigPath);
        }
        catch (Errors.KubeRolloutException)
        {
            return [];
        }
    }

    private static IReadOnlyList<string> Names(ConnectionOptions options, ApiResource resource, bool namespaced) =>
        Cache.GetOrAdd(Key(options, resource.QualifiedName, namespaced), () => Lookup(options, async (client, token) =>
        {
            var names = await client.ListNamesAsync(resource, namespaced ? client.Namespace : null, token).ConfigureAwait(false);
            return (IReadOnlyList<string>)names.Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        }));

    /// <summary>What the look-up depends on: the kubeconfig as given or as $KUBECONFIG names it, the context, the namespace.</summary>
    private static string Key(ConnectionOptions options, string what, bool namespaced) =>
        string.Join("|", options.KubeConfigPath ?? $"$KUBECONFIG={Environment.GetEnvironmentVariable("KUBECONFIG")}", options.Context, namespaced ? options.Namespace : null, what);

    /// <summary>Runs a look-up on the thread pool for at most <see cref="LookupTimeout"/>; null when it fails or takes longer.</summary>
    private static IReadOnlyList<T>? Lookup<T>(ConnectionOptions options, Func<KubeApiClient, CancellationToken, Task<IReadOnlyList<T>>> read)
    {
        var work = Task.Run(async () =>
        {
            // The look-up owns its timeout: it is cancelled on time even after the caller stopped waiting for it.
            using var timeout = new CancellationTokenSource(LookupTimeout);
            using var client = KubeApiClient.Connect(options);
            return await read(client, timeout.Token).ConfigureAwait(false);
        });
        try
        {
            return work.Wait(LookupTimeout) ? work.Result : null;
        }
        catch (AggregateException)
        {
            return null; // completion must never fail the command line
        }
    }
}
