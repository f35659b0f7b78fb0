using KubeRollout.Sandbox.Registry.ApiExtensions.CustomResourceDefinitions;
using KubeRollout.Sandbox.Registry.Apps.ControllerRevisions;
using KubeRollout.Sandbox.Registry.Apps.DaemonSets;
using KubeRollout.Sandbox.Registry.Apps.Deployments;
using KubeRollout.Sandbox.Registry.Apps.ReplicaSets;
using KubeRollout.Sandbox.Registry.Apps.StatefulSets;
using KubeRollout.Sandbox.Registry.Autoscaling.HorizontalPodAutoscalers;
using KubeRollout.Sandbox.Registry.Batch.CronJobs;
using KubeRollout.Sandbox.Registry.Batch.Jobs;
using KubeRollout.Sandbox.Registry.Core.ConfigMaps;
using KubeRollout.Sandbox.Registry.Core.Endpoints;
using KubeRollout.Sandbox.Registry.Core.Events;
using KubeRollout.Sandbox.Registry.Core.Namespaces;
using KubeRollout.Sandbox.Registry.Core.Nodes;
using KubeRollout.Sandbox.Registry.Core.PersistentVolumeClaims;
using KubeRollout.Sandbox.Registry.Core.PersistentVolumes;
using KubeRollout.Sandbox.Registry.Core.Pods;
using KubeRollout.Sandbox.Registry.Core.ReplicationControllers;
using KubeRollout.Sandbox.Registry.Core.Secrets;
using KubeRollout.Sandbox.Registry.Core.ServiceAccounts;
using KubeRollout.Sandbox.Registry.Core.Services;
using KubeRollout.Sandbox.Registry.Discovery.EndpointSlices;
using KubeRollout.Sandbox.Registry.Networking.Ingresses;
using KubeRollout.Sandbox.Registry.Networking.IngressClasses;
using KubeRollout.Sandbox.Registry.Networking.NetworkPolicies;
using KubeRollout.Sandbox.Registry.Policy.PodDisruptionBudgets;
using KubeRollout.Sandbox.Registry.Rbac.ClusterRoleBindings;
using KubeRollout.Sandbox.Registry.Rbac.ClusterRoles;
using KubeRollout.Sandbox.Registry.Rbac.RoleBindings;
using KubeRollout.Sandbox.Registry.Rbac.Roles;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry;

/// <summary>
/// Every resource the sandbox serves, in discovery order. Serving a new kind is one folder
/// (<c>Registry/&lt;group&gt;/&lt;resource&gt;/</c> with its strategy) and one line here.
/// </summary>
public static class ResourceRegistry
{
    public static readonly IReadOnlyList<ResourceStrategy> All =
    [
        new NamespaceStrategy(),
        new NodeStrategy(),
        new PodStrategy(),
        new ServiceStrategy(),
        new ConfigMapStrategy(),
        new SecretStrategy(),
        new EventStrategy(),
        new PersistentVolumeClaimStrategy(),
        new PersistentVolumeStrategy(),
        new ReplicationControllerStrategy(),
        new ServiceAccountStrategy(),
        new EndpointsStrategy(),
        new DeploymentStrategy(),
        new ReplicaSetStrategy(),
        new StatefulSetStrategy(),
        new DaemonSetStrategy(),
        new ControllerRevisionStrategy(),
        new HorizontalPodAutoscalerStrategy(),
        new JobStrategy(),
        new CronJobStrategy(),
        new IngressStrategy(),
        new IngressClassStrategy(),
        new NetworkPolicyStrategy(),
        new PodDisruptionBudgetStrategy(),
        new RoleStrategy(),
        new RoleBindingStrategy(),
        new ClusterRoleStrategy(),
        new ClusterRoleBindingStrategy(),
        new EndpointSliceStrategy(),
        new CustomResourceDefinitionStrategy(),
    ];

    private static readonly Dictionary<ResourceType, ResourceStrategy> ByResource = All.ToDictionary(s => s.Resource);
    private static readonly Dictionary<Type, ResourceStrategy> ByModel = All.ToDictionary(s => s.Resource.ModelType);

    public static IEnumerable<ResourceType> Resources => All.Select(s => s.Resource);

    public static ResourceStrategy For(ResourceType resource) =>
        ByResource.TryGetValue(resource, out var strategy)
            ? strategy
            : throw new ArgumentException($"{resource.QualifiedName} is not a resource the sandbox serves", nameof(resource));

    public static ResourceStrategy? Find(string group, string version, string plural) =>
        All.FirstOrDefault(s => s.Resource.Group == group && s.Resource.Version == version && s.Resource.Plural == plural);

    public static ResourceType ForModel(Type modelType) =>
        ByModel.TryGetValue(modelType, out var strategy)
            ? strategy.Resource
            : throw new ArgumentException($"{modelType.Name} is not a resource the sandbox serves", nameof(modelType));

    public static ResourceType? ForKind(string apiVersion, string kind) =>
        All.FirstOrDefault(s => s.Resource.ApiVersion == apiVersion && s.Resource.Kind == kind)?.Resource;
}
