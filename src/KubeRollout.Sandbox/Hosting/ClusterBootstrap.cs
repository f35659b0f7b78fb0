using k8s.Models;
using KubeRollout.Sandbox.Registry;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>What every new cluster has before anyone writes to it: the system namespaces and the kubernetes Service.</summary>
internal static class ClusterBootstrap
{
    public const string FieldManager = "kube-apiserver";

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
    }
}
