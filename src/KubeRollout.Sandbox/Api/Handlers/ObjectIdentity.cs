using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Routing;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>The REST layer's rules for names and namespaces in request bodies versus the URL.</summary>
internal static class ObjectIdentity
{
    /// <summary>Create: the namespace comes from the URL; a different one in the body is refused.</summary>
    public static void ForCreate(IKubernetesObject<V1ObjectMeta> obj, ResourceTarget target)
    {
        var meta = obj.Metadata;
        if (!target.Resource.Namespaced)
        {
            meta.NamespaceProperty = null;
            return;
        }

        if (string.IsNullOrEmpty(meta.NamespaceProperty))
        {
            meta.NamespaceProperty = target.Namespace;
        }
        else if (meta.NamespaceProperty != target.Namespace)
        {
            throw ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    /// <summary>Update, patch and apply: the body must name the object of the URL.</summary>
    public static void ForExisting(IKubernetesObject<V1ObjectMeta> obj, ResourceTarget target)
    {
        var meta = obj.Metadata;
        if (meta.Name != target.Name)
        {
            throw ApiErrors.BadRequest($"the name of the object ({meta.Name}) does not match the name on the URL ({target.Name})");
        }

        if (!target.Resource.Namespaced)
        {
            meta.NamespaceProperty = null;
            return;
        }

        if (!string.IsNullOrEmpty(meta.NamespaceProperty) && meta.NamespaceProperty != target.Namespace)
        {
            throw ApiErrors.BadRequest(
                $"the namespace of the object ({meta.NamespaceProperty}) does not match the namespace on the request ({target.Namespace})");
        }

        meta.NamespaceProperty = target.Namespace;
    }
}
