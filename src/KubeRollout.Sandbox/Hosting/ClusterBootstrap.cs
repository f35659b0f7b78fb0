using k8s.Models;
using KubeRollout.Sandbox.Registry;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// What every new cluster has before anyone writes to it: the system namespaces, and the kubernetes Service with the
/// Endpoints and EndpointSlice that the API server itself keeps for it (its endpoint reconciler), pointing at the API.
/// </summary>
internal static class ClusterBootstrap
{
    public const string FieldManager = "kube-apiserver";

    /// <summary>Where the API is served; a real cluster publishes its API server's advertised address.</summary>
    private const string ApiAddress = "127.0.0.1";

    private static readonly string[] Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static void Seed(ClusterRegistry registry, int apiPort)
    {
        foreach (var name in Namespaces)
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

        registry.Create(new V1Service
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
        }, FieldManager);

        registry.Create(new V1Endpoints
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
        }, FieldManager);
        registry.Create(new V1EndpointSlice
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
        }, FieldManager);
    }
}
