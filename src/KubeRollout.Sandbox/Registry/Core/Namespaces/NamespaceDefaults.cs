using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Namespaces;

/// <summary>Every namespace carries the immutable label with its own name (SetDefaults_Namespace).</summary>
internal static class NamespaceDefaults
{
    public const string NameLabel = "kubernetes.io/metadata.name";

    public static void Apply(V1Namespace ns)
    {
        var labels = ns.Metadata.Labels ??= new Dictionary<string, string>();
        labels[NameLabel] = ns.Metadata.Name;
    }
}
