using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// What every cluster has before anyone writes to it: the system namespaces, and the kubernetes Service with the
/// Endpoints and EndpointSlice that the API server itself keeps for it (its endpoint reconciler), pointing at the API.
/// A cluster restored from its folder keeps what it has: what is missing is created, and the Service, Endpoints and
/// EndpointSlice follow the port the API now listens on.
/// </summary>
internal static class ClusterBootstrap
{
    public const string FieldManager = "kube-apiserver";

    /// <summary>Where the API is served; a real cluster publishes its API server's advertised address.</summary>
    private const string ApiAddress = "127.0.0.1";

    private static readonly string[] Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static void Seed(ClusterRegistry registry, int apiPort)
    {
        foreach (var name in Namespaces.Where(n => registry.Get<V1Namespace>(null, n) is null))
        {
            registry.Create(new V1Namespace
            {
                ApiVersion = "v1",
                Kind = "Namespace",
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = name } },
                Spec = new V1NamespaceSpec { Finalizers = ["kubernetes"] },
                Status = new V1NamespaceStatus { Phase = "Active" },
            }, FieldManager);
        }

        Ensure(registry, new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta
            {
                Name = "kubernetes",
                NamespaceProperty = "default",
                Labels = new Dictionary<string, string> { ["component"] = "apiserver", ["provider"] = "kubernetes" },
            },
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                ClusterIP = "10.96.0.1",
                ClusterIPs = ["10.96.0.1"],
                IpFamilies = ["IPv4"],
                IpFamilyPolicy = "SingleStack",
                InternalTrafficPolicy = "Cluster",
                SessionAffinity = "None",
                Ports = [new V1ServicePort { Name = "https", Port = 443, Protocol = "TCP", TargetPort = apiPort }],
            },
            Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() },
        }, s => s.Spec.Ports, (s, ports) => s.Spec.Ports = ports);

        Ensure(registry, new V1Endpoints
        {
            ApiVersion = "v1",
            Kind = "Endpoints",
            Metadata = new V1ObjectMeta
            {
                Name = "kubernetes",
                NamespaceProperty = "default",
                Labels = new Dictionary<string, string> { ["endpointslice.kubernetes.io/skip-mirror"] = "true" },
            },
            Subsets = [new V1EndpointSubset { Addresses = [new V1EndpointAddress { Ip = ApiAddress }], Ports = [new Corev1EndpointPort { Name = "https", Port = apiPort, Protocol = "TCP" }] }],
        }, e => e.Subsets, (e, subsets) => e.Subsets = subsets);
        Ensure(registry, new V1EndpointSlice
        {
            ApiVersion = "discovery.k8s.io/v1",
            Kind = "EndpointSlice",
            Metadata = new V1ObjectMeta
            {
                Name = "kubernetes",
                NamespaceProperty = "default",
                Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "kubernetes" },
            },
            AddressType = "IPv4",
            Ports = [new Discoveryv1EndpointPort { Name = "https", Port = apiPort, Protocol = "TCP" }],
            Endpoints = [new V1Endpoint { Addresses = [ApiAddress], Conditions = new V1EndpointConditions { Ready = true } }],
        }, e => e.Ports, (e, ports) => e.Ports = ports);
    }

    /// <summary>Creates <paramref name="desired"/>, or brings the part of an existing one that names the API's address in step.</summary>
    private static void Ensure<TObject, TPart>(ClusterRegistry registry, TObject desired, Func<TObject, TPart> part, Action<TObject, TPart> setPart)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        var existing = registry.Get<TObject>(desired.Metadata.NamespaceProperty, desired.Metadata.Name);
        if (existing is null)
        {
            registry.Create(desired, FieldManager);
        }
        else if (ModelJson.Serialize(part(existing)!) != ModelJson.Serialize(part(desired)!))
        {
            var updated = ObjectCloner.Clone(existing);
            setPart(updated, part(desired));
            registry.Update(updated, FieldManager);
        }
    }
}
