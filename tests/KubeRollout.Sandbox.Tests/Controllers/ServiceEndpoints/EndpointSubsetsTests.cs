using k8s.Models;
using KubeRollout.Sandbox.Controllers.ServiceEndpoints;

namespace KubeRollout.Sandbox.Tests.Controllers.ServiceEndpoints;

public sealed class EndpointSubsetsTests
{
    [Fact]
    public void Addresses_are_repacked_by_the_ports_they_share_sorted_by_ip_with_not_ready_apart()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
            Spec = new V1ServiceSpec
            {
                ClusterIP = "10.96.0.10",
                Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http", Protocol = "TCP" }, new V1ServicePort { Name = "metrics", Port = 9100, TargetPort = 9100, Protocol = "TCP" }],
            },
        };
        var pods = new[] { Pod("b", "10.0.0.9", ready: true), Pod("a", "10.0.0.10", ready: true), Pod("c", "10.0.0.11", ready: false) };

        var subset = Assert.Single(EndpointSubsets.For(service, pods));

        Assert.Equal(["10.0.0.10", "10.0.0.9"], subset.Addresses.Select(a => a.Ip)); // byte order, as the API sorts them
        Assert.Equal(["10.0.0.11"], subset.NotReadyAddresses.Select(a => a.Ip));
        Assert.Equal([("http", 8080), ("metrics", 9100)], subset.Ports.Select(p => (p.Name, p.Port)));
    }

    [Fact]
    public void More_than_a_thousand_addresses_are_cut_with_not_ready_ones_going_first()
    {
        var subsets = new List<V1EndpointSubset>
        {
            new() { Addresses = Addresses(990), NotReadyAddresses = Addresses(20), Ports = [new Corev1EndpointPort { Port = 80 }] },
        };

        Assert.True(EndpointSubsets.Truncate(subsets));

        Assert.Equal((990, 10), (subsets[0].Addresses.Count, subsets[0].NotReadyAddresses.Count));
        Assert.False(EndpointSubsets.Truncate([new V1EndpointSubset { Addresses = Addresses(1000) }]));
    }

    private static List<V1EndpointAddress> Addresses(int count) =>
        Enumerable.Range(0, count).Select(i => new V1EndpointAddress { Ip = $"10.1.{i / 250}.{i % 250}" }).ToList();

    private static V1Pod Pod(string name, string ip, bool ready) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Uid = name + "-uid" },
        Spec = new V1PodSpec { NodeName = "node-1", Containers = [new V1Container { Name = "web", Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }] }] },
        Status = new V1PodStatus
        {
            Phase = "Running",
            PodIP = ip,
            PodIPs = [new V1PodIP { Ip = ip }],
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };
}
