using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Selectors;

/// <summary>
/// The fields a resource can be selected by (<c>fieldSelector</c>), as the API server registers them:
/// metadata.name and metadata.namespace everywhere, plus those its registry entry declares.
/// </summary>
internal static class FieldLabels
{
    public static Func<IKubernetesObject<V1ObjectMeta>, string>? Find(ResourceType resource, string field) => field switch
    {
        "metadata.name" => o => o.Metadata.Name ?? string.Empty,
        "metadata.namespace" => o => o.Metadata.NamespaceProperty ?? string.Empty,
        _ => ResourceRegistry.For(resource).SelectableFields.GetValueOrDefault(field),
    };
}
