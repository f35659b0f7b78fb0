using k8s.Models;
using KubeRollout.Sandbox.Registry.Core.Endpoints;
using KubeRollout.Sandbox.Registry.Discovery.EndpointSlices;

namespace KubeRollout.Sandbox.Tests.Api;

public sealed class EndpointPrinterTests
{
    private static readonly DateTime Now = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Endpoints_print_ready_addresses_with_each_port_three_at_most()
    {
        var endpoints = new V1Endpoints
        {
            Metadata = new V1ObjectMeta { Name = "vweb", CreationTimestamp = Now.AddMinutes(-5) },
            Subsets =
            [
                new V1EndpointSubset
                {
                    Addresses = [Address("10.0.0.1"), Address("10.0.0.2")],
                    NotReadyAddresses = [Address("10.0.0.9")],
                    Ports = [new Corev1EndpointPort { Name = "http", Port = 80 }, new Corev1EndpointPort { Name = "metrics", Port = 9100 }],
                },
            ],
        };

        Assert.Equal(["vweb", "10.0.0.1:80,10.0.0.2:80,10.0.0.1:9100 + 1 more...", "5m"], new EndpointsPrinter().Cells(endpoints, Now));
    }

    [Fact]
    public void Endpoints_without_subsets_print_none_and_with_only_not_ready_addresses_print_nothing()
    {
        Assert.Equal("<none>", EndpointsPrinter.Format(null));
        Assert.Equal(string.Empty, EndpointsPrinter.Format([new V1EndpointSubset { NotReadyAddresses = [Address("10.0.0.9")], Ports = [new Corev1EndpointPort { Port = 80 }] }]));
        Assert.Equal("[fd00::1]:80", EndpointsPrinter.Format([new V1EndpointSubset { Addresses = [Address("fd00::1")], Ports = [new Corev1EndpointPort { Port = 80 }] }]));
    }

    [Fact]
    public void An_endpoint_slice_prints_its_address_type_ports_and_every_address_whatever_its_condition()
    {
        var slice = new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta { Name = "vweb-x7k2p", CreationTimestamp = Now.AddSeconds(-30) },
            AddressType = "IPv4",
            Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 80 }],
            Endpoints = Enumerable.Range(1, 5).Select(i => new V1Endpoint { Addresses = [$"10.0.0.{i}"], Conditions = new V1EndpointConditions { Ready = i % 2 == 0 } }).ToList(),
        };
        var placeholder = new V1EndpointSlice { Metadata = new V1ObjectMeta { Name = "lonely-abcde", CreationTimestamp = Now }, AddressType = "IPv4", Endpoints = [] };

        Assert.Equal(["vweb-x7k2p", "IPv4", "80", "10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...", "30s"], new EndpointSlicePrinter().Cells(slice, Now));
        Assert.Equal(["lonely-abcde", "IPv4", "<unset>", "<unset>", "0s"], new EndpointSlicePrinter().Cells(placeholder, Now));
    }

    private static V1EndpointAddress Address(string ip) => new() { Ip = ip };
}
