using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Workloads;

/// <summary>A workload named as kubectl names it: kind, namespace and name.</summary>
public sealed record WorkloadReference(WorkloadKind Kind, string Namespace, string Name)
{
    private static readonly Dictionary<string, WorkloadKind> KindsByAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deployment"] = WorkloadKind.Deployment,
        ["deployments"] = WorkloadKind.Deployment,
        ["deploy"] = WorkloadKind.Deployment,
        ["deployment.apps"] = WorkloadKind.Deployment,
        ["deployments.apps"] = WorkloadKind.Deployment,
        ["statefulset"] = WorkloadKind.StatefulSet,
        ["statefulsets"] = WorkloadKind.StatefulSet,
        ["sts"] = WorkloadKind.StatefulSet,
        ["statefulset.apps"] = WorkloadKind.StatefulSet,
        ["statefulsets.apps"] = WorkloadKind.StatefulSet,
        ["daemonset"] = WorkloadKind.DaemonSet,
        ["daemonsets"] = WorkloadKind.DaemonSet,
        ["ds"] = WorkloadKind.DaemonSet,
        ["daemonset.apps"] = WorkloadKind.DaemonSet,
        ["daemonsets.apps"] = WorkloadKind.DaemonSet,
    };

    /// <summary>
    /// Reads <c>vweb</c>, <c>deploy/vweb</c>, <c>deployment.apps/vweb</c>, <c>sts/todo-db</c>, <c>ds/nginx</c>.
    /// A kind in the name wins over <paramref name="defaultKind"/> when they agree; when they disagree the name is
    /// refused, since that is almost always a mistake in a script.
    /// </summary>
    public static WorkloadReference Parse(string name, WorkloadKind defaultKind, string @namespace, bool kindGiven = false)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return new(defaultKind, @namespace, RequireName(name, name));
        }

        var prefix = name[..slash];
        if (!TryParseKind(prefix, out var kind))
        {
            throw new KubeRolloutException(
                "WorkloadKindUnsupported", FailureKind.InvalidArgument,
                $"'{prefix}' is not a workload kind that rolls out; use deployment, statefulset or daemonset (deploy/NAME, sts/NAME, ds/NAME).", name);
        }

        if (kindGiven && kind != defaultKind)
        {
            throw new KubeRolloutException(
                "WorkloadKindMismatch", FailureKind.InvalidArgument,
                $"The name '{name}' names a {kind} but -Kind is {defaultKind}.", name);
        }

        return new(kind, @namespace, RequireName(name[(slash + 1)..], name));
    }

    /// <summary>kubectl's names of a workload kind: deployment, deployments, deploy, deployment.apps, sts, ds, ….</summary>
    public static bool TryParseKind(string alias, out WorkloadKind kind) => KindsByAlias.TryGetValue(alias, out kind);

    /// <summary>kubectl's short name of a kind (deploy, sts, ds), which <see cref="Parse"/> takes as TYPE/NAME.</summary>
    public static string ShortKind(WorkloadKind kind) => kind switch
    {
        WorkloadKind.StatefulSet => "sts",
        WorkloadKind.DaemonSet => "ds",
        _ => "deploy",
    };

    /// <summary>kubectl's resource form: <c>deployment.apps/vweb</c>.</summary>
    public string ResourceName => $"{Kind.ToString().ToLowerInvariant()}.apps/{Name}";

    public override string ToString() => $"{ResourceName} in namespace {Namespace}";

    private static string RequireName(string name, string original) =>
        string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal)
            ? throw new KubeRolloutException("WorkloadNameInvalid", FailureKind.InvalidArgument, $"'{original}' is not a workload name.", original)
            : name;
}
