using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Defaulting;

/// <summary>Namespaces are Active, carry the kubernetes finalizer and the immutable name label.</summary>
internal static class NamespaceDefaults
{
    public const string NameLabel = "kubernetes.io/metadata.name";

    public static void Apply(V1Namespace ns)
    {
        var labels = ns.Metadata.Labels ??= new Dictionary<string, string>();
        labels[NameLabel] = ns.Metadata.Name;
        var spec = ns.Spec ??= new V1NamespaceSpec();
        spec.Finalizers ??= ["kubernetes"];
        var status = ns.Status ??= new V1NamespaceStatus();
        status.Phase ??= "Active";
    }
}
