using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Registry.Core.Endpoints;

/// <summary>core/v1 endpoints through the registry.</summary>
public class EndpointsRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void A_port_protocol_defaults_to_tcp_and_addresses_must_be_ips()
    {
        var created = _fixture.Registry.Create(Endpoints("10.244.0.5", "manual"), "kubectl");
        var invalid = _fixture.Reject(Endpoints("not-an-ip", "invalid"));
        var unnamed = _fixture.Reject(Endpoints("10.244.0.5", "unnamed", new Corev1EndpointPort { Port = 80 }, new Corev1EndpointPort { Port = 81 }));

        Assert.Equal("TCP", created.Subsets[0].Ports[0].Protocol);
        Assert.Contains("subsets[0].addresses[0].ip: Invalid value: \"not-an-ip\": must be a valid IP address", invalid.Message);
        Assert.Contains("subsets[0].ports[0].name: Required value", unnamed.Message);
    }

    private static V1Endpoints Endpoints(string ip, string name, params Corev1EndpointPort[] ports) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Subsets =
        [
            new V1EndpointSubset
            {
                Addresses = [new V1EndpointAddress { Ip = ip }],
                Ports = ports.Length == 0 ? [new Corev1EndpointPort { Port = 80 }] : ports.ToList(),
            },
        ],
    };
}
