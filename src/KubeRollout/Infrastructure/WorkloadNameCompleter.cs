using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Infrastructure;

/// <summary>
/// Completes workload names from the cluster. Look-ups are cached briefly and bounded by a short timeout, so that
/// Tab never hangs on a slow or unreachable cluster and does not call it on every key press.
/// </summary>
public sealed class WorkloadNameCompleter : IArgumentCompleter
{
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<string> Names)> Cache = new();

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var kind = fakeBoundParameters["Kind"] is { } k && Enum.TryParse<WorkloadKind>(k.ToString(), true, out var parsed) ? parsed : WorkloadKind.Deployment;
        var options = new ConnectionOptions(fakeBoundParameters["KubeConfig"] as string, fakeBoundParameters["Context"] as string, fakeBoundParameters["Namespace"] as string);
        var key = $"{kind}|{options}";
        if (!Cache.TryGetValue(key, out var entry) || DateTime.UtcNow - entry.At > CacheLifetime)
        {
            entry = (DateTime.UtcNow, Lookup(kind, options));
            Cache[key] = entry;
        }

        return entry.Names
            .Where(name => name.StartsWith(wordToComplete, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, $"{kind} {name}"));
    }

    private static IReadOnlyList<string> Lookup(WorkloadKind kind, ConnectionOptions options)
    {
        try
        {
            using var timeout = new CancellationTokenSource(LookupTimeout);
            using var client = KubeApiClient.Connect(options);
            var list = client.ListAsync<Dictionary<string, object>>(ApiResource.For(kind), client.Namespace, timeout.Token)
                .WaitAsync(LookupTimeout).GetAwaiter().GetResult();
            return list.Items
                .Select(item => item.TryGetValue("metadata", out var metadata) && metadata is System.Text.Json.JsonElement element
                    && element.TryGetProperty("name", out var name) ? name.GetString() : null)
                .OfType<string>()
                .ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return []; // completion must never fail the command line
        }
    }
}
