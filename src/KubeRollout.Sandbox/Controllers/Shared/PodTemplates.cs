using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.Shared;

/// <summary>Pods from a workload's template, as controller.GetPodFromTemplate builds them.</summary>
public static class PodTemplates
{
    /// <summary>
    /// A pod with the template's labels, annotations and finalizers and the owner's controller reference. The spec is
    /// the template's own object: the store copies what it is given, so it is shared, not cloned.
    /// </summary>
    public static V1Pod NewPod(V1PodTemplateSpec template, string? @namespace, V1OwnerReference controllerRef, string? name = null, string? generateName = null) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                GenerateName = generateName,
                NamespaceProperty = @namespace,
                Labels = template.Metadata?.Labels is { } labels ? new Dictionary<string, string>(labels) : null,
                Annotations = template.Metadata?.Annotations is { } annotations ? new Dictionary<string, string>(annotations) : null,
                Finalizers = template.Metadata?.Finalizers is { } finalizers ? [.. finalizers] : null,
                OwnerReferences = [controllerRef],
            },
            Spec = template.Spec,
        };
}
