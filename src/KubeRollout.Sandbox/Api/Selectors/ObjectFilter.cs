using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Api.Selectors;

/// <summary>What a list, watch or deletecollection selects: a namespace (null: all), labels and fields.</summary>
internal sealed record ObjectFilter(string? Namespace, LabelQuery Labels, FieldQuery Fields)
{
    public bool Matches(IKubernetesObject<V1ObjectMeta> obj) =>
        (Namespace is null || obj.Metadata.NamespaceProperty == Namespace)
        && Labels.Matches(obj.Metadata.Labels)
        && Fields.Matches(obj);
}
