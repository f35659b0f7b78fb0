using k8s.Models;
using KubeRollout.Sandbox.Registry.Core.Namespaces;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Generic;

/// <summary>
/// The NamespaceLifecycle admission plugin for creates: namespaced objects go only into namespaces that exist and
/// are not being terminated (everything in those is about to be deleted).
/// </summary>
internal static class NamespaceLifecycle
{
    public static void AdmitCreate(ClusterStore store, ResourceType resource, string name, string? @namespace)
    {
        if (!resource.Namespaced)
        {
            return;
        }

        if (@namespace is null || store.Get(NamespaceStrategy.Type, null, @namespace) is not V1Namespace ns)
        {
            throw new StoreNotFoundException($"namespaces \"{@namespace}\" not found", new V1StatusDetails { Name = @namespace, Kind = "namespaces" });
        }

        if (ns.Status?.Phase == NamespaceStrategy.Terminating)
        {
            throw new StoreException(
                403,
                "Forbidden",
                $"{resource.QualifiedName} \"{name}\" is forbidden: unable to create new content in namespace {@namespace} because it is being terminated",
                new V1StatusDetails
                {
                    Name = name,
                    Group = resource.Group.Length == 0 ? null : resource.Group,
                    Kind = resource.Plural,
                    Causes = [new V1StatusCause { Reason = "NamespaceTerminating", Message = $"namespace {@namespace} is being terminated", Field = "metadata.namespace" }],
                });
        }
    }
}
