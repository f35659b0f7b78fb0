using KubeRollout.Core.Errors;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>The Service and Deployment names a blue-green command takes, in kubectl's forms too (svc/vweb, deploy/vweb-green).</summary>
public static class BlueGreenNames
{
    private static readonly HashSet<string> ServiceKinds = new(StringComparer.OrdinalIgnoreCase) { "svc", "service", "services" };

    /// <summary><c>vweb</c>, <c>svc/vweb</c> or <c>service/vweb</c>: the Service's name.</summary>
    public static string Service(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return name;
        }

        return ServiceKinds.Contains(name[..slash]) && slash < name.Length - 1
            ? name[(slash + 1)..]
            : throw new KubeRolloutException("NotAService", FailureKind.InvalidArgument, $"'{name}' does not name a Service; use NAME or svc/NAME.", name);
    }

    /// <summary><c>vweb-green</c>, <c>deploy/vweb-green</c> or <c>deployment.apps/vweb-green</c>: the Deployment's name.</summary>
    public static string Deployment(string name, string @namespace)
    {
        var reference = WorkloadReference.Parse(name, WorkloadKind.Deployment, @namespace);
        return reference.Kind == WorkloadKind.Deployment ? reference.Name : throw BlueGreenErrors.NotADeployment(name, reference.Kind.ToString());
    }
}
