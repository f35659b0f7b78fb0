using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Tables;

/// <summary>The printer of every served resource.</summary>
internal static class TablePrinters
{
    private static readonly Dictionary<ResourceType, ITablePrinter> ByResource = new()
    {
        [ResourceTypes.Pods] = new PodPrinter(),
        [ResourceTypes.Deployments] = new DeploymentPrinter(),
        [ResourceTypes.ReplicaSets] = new ReplicaSetPrinter(),
        [ResourceTypes.StatefulSets] = new StatefulSetPrinter(),
        [ResourceTypes.DaemonSets] = new DaemonSetPrinter(),
        [ResourceTypes.Services] = new ServicePrinter(),
        [ResourceTypes.ConfigMaps] = new ConfigMapPrinter(),
        [ResourceTypes.Secrets] = new SecretPrinter(),
        [ResourceTypes.Namespaces] = new NamespacePrinter(),
        [ResourceTypes.Nodes] = new NodePrinter(),
        [ResourceTypes.ControllerRevisions] = new ControllerRevisionPrinter(),
        [ResourceTypes.Events] = new EventPrinter(),
        [ResourceTypes.PersistentVolumeClaims] = new PersistentVolumeClaimPrinter(),
        [ResourceTypes.Endpoints] = new EndpointsPrinter(),
        [ResourceTypes.EndpointSlices] = new EndpointSlicePrinter(),
    };

    public static ITablePrinter For(ResourceType resource) =>
        ByResource.TryGetValue(resource, out var printer)
            ? printer
            : throw new InvalidOperationException($"No table printer for {resource.QualifiedName}.");
}
