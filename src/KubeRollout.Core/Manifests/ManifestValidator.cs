using System.Text.RegularExpressions;
using k8s.Models;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Manifests;

/// <summary>
/// Checks a manifest object for what the API server would reject, before anything is sent, so that a file
/// with an invalid object in it is refused whole. Each problem names the field path the way the API does.
/// </summary>
public static partial class ManifestValidator
{
    public static IReadOnlyList<ManifestProblem> Validate(ManifestObject manifest)
    {
        var problems = new List<ManifestProblem>();
        ValidateName(manifest.Name, "metadata.name", problems);
        if (manifest.Namespace is { Length: > 0 } ns && !Dns1123Label().IsMatch(ns))
        {
            problems.Add(new("metadata.namespace", $"Invalid value: \"{ns}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'"));
        }

        switch (manifest.Object)
        {
            case V1Deployment deployment:
                WorkloadValidator.ValidateDeployment(deployment.Spec, problems);
                break;
            case V1StatefulSet statefulSet:
                WorkloadValidator.ValidateStatefulSet(statefulSet.Spec, problems);
                break;
            case V1DaemonSet daemonSet:
                WorkloadValidator.ValidateDaemonSet(daemonSet.Spec, problems);
                break;
        }

        return problems;
    }

    private static void ValidateName(string name, string path, List<ManifestProblem> problems)
    {
        if (name.Length > 253 || !Dns1123Subdomain().IsMatch(name))
        {
            problems.Add(new(path, $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"));
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();
}
