using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Workloads;

/// <summary>Finds the workloads -Name values select: exact names, TYPE/NAME forms, patterns, or none for every workload.</summary>
public static class WorkloadLookup
{
    /// <summary>
    /// The workloads one -Name value selects (null: every workload, of -Kind or of every kind). An exact name in a
    /// namespace is not looked up (the operation reports a missing one); patterns and every namespace are listed. A
    /// pattern given to a command that changes workloads is refused (WorkloadNamePatternNotAccepted), and an exact
    /// name found in no namespace is WorkloadNotFound. <see cref="WorkloadSelection.Note"/> says when a pattern matched nothing.
    /// </summary>
    public static async Task<WorkloadSelection> SelectAsync(KubeApiClient client, WorkloadQuery query, string? name, CancellationToken cancellationToken)
    {
        var selector = query.Selector(name);
        var asked = name ?? "*";
        if (!selector.IsPattern && query.Namespace is { } @namespace)
        {
            return new WorkloadSelection([new WorkloadReference(selector.Kinds[0], @namespace, selector.Name)], null);
        }

        var found = await FindAsync(client, selector, query.Namespace, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0 && !selector.IsPattern)
        {
            throw new KubeRolloutException(
                "WorkloadNotFound", FailureKind.ObjectNotFound, $"{selector.Kinds[0].ToString().ToLowerInvariant()}s.apps \"{selector.Name}\" not found in any namespace", asked);
        }

        var note = found.Count == 0 ? $"No workload matches '{asked}' in {(query.Namespace is null ? "any namespace" : $"namespace {query.Namespace}")}." : null;
        return new WorkloadSelection(found, note);
    }

    /// <summary>
    /// A workload named without a kind was not found as the default kind: when the namespace has a workload of
    /// another kind by that name, the error says so and how to name it (kubectl would need the type; the module
    /// assumed one). Otherwise the error as it was.
    /// </summary>
    /// <param name="accepted">The kinds the command works on; another kind is named as one it does not work on.</param>
    /// <param name="command">The command's name, for that case.</param>
    public static async Task<KubeRolloutException> ExplainNotFoundAsync(
        KubeApiClient client, KubeRolloutException notFound, WorkloadReference asked, IReadOnlyCollection<WorkloadKind> accepted, string command, CancellationToken cancellationToken)
    {
        var others = new List<WorkloadKind>();
        foreach (var kind in WorkloadSelector.AllKinds.Where(k => k != asked.Kind))
        {
            if (await client.FindAsync<System.Text.Json.Nodes.JsonObject>(ApiResource.For(kind), asked.Namespace, asked.Name, cancellationToken).ConfigureAwait(false) is not null)
            {
                others.Add(kind);
            }
        }

        if (others.Count == 0)
        {
            return notFound;
        }

        var hint = string.Join(" and ", others.Select(k => accepted.Contains(k)
            ? $"a {k} named {asked.Name} (-Kind {k}, or the name {WorkloadReference.ShortKind(k)}/{asked.Name})"
            : $"a {k} named {asked.Name}, which {command} does not work on"));
        return new KubeRolloutException(notFound.ErrorId, notFound.Kind, $"{notFound.Message}; namespace {asked.Namespace} has {hint}", notFound.Target, notFound);
    }

    /// <param name="namespace">The namespace; null lists every namespace (-AllNamespaces).</param>
    public static async Task<IReadOnlyList<WorkloadReference>> FindAsync(
        KubeApiClient client, WorkloadSelector selector, string? @namespace, CancellationToken cancellationToken)
    {
        var found = new List<WorkloadReference>();
        foreach (var kind in selector.Kinds)
        {
            var names = await client.ListNamesAsync(ApiResource.For(kind), @namespace, cancellationToken).ConfigureAwait(false);
            found.AddRange(names.Select(n => new WorkloadReference(kind, n.Namespace ?? @namespace ?? string.Empty, n.Name)));
        }

        return selector.Filter(found);
    }
}

/// <summary>The workloads a -Name value selected, and a note for the verbose stream when a pattern matched none.</summary>
public sealed record WorkloadSelection(IReadOnlyList<WorkloadReference> Workloads, string? Note);
