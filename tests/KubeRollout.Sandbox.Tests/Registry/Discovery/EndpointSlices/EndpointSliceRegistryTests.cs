using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Registry.Discovery.EndpointSlices;

/// <summary>discovery.k8s.io/v1 endpointslices through the registry.</summary>
public class EndpointSliceRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void The_generation_counts_changes_of_endpoints_ports_and_labels_but_not_of_annotations()
    {
        var created = _fixture.Registry.Create(Slice(), "kube-controller-manager");
        var annotated = RegistryFixture.Copy(created);
        annotated.Metadata.Annotations = new Dictionary<string, string> { ["endpoints.kubernetes.io/last-change-trigger-time"] = "2026-11-29T03:00:00Z" };
        var afterAnnotation = _fixture.Registry.Update(annotated, "kube-controller-manager");
        var relabelled = RegistryFixture.Copy(afterAnnotation);
        relabelled.Metadata.Labels["tier"] = "front";
        var afterLabel = _fixture.Registry.Update(relabelled, "kube-controller-manager");
        var moved = RegistryFixture.Copy(afterLabel);
        moved.Endpoints[0].Addresses = ["10.244.0.9"];
        var afterEndpoint = _fixture.Registry.Update(moved, "kube-controller-manager");

        Assert.Equal([1L, 1L, 2L, 3L], new[] { created, afterAnnotation, afterLabel, afterEndpoint }.Select(s => s.Metadata.Generation ?? 0));
        Assert.Equal(("", "TCP"), (created.Ports[0].Name, created.Ports[0].Protocol));
    }

    [Fact]
    public void The_address_type_is_required_supported_and_immutable()
    {
        var missing = _fixture.Reject(Slice(s => s.AddressType = null));
        var unsupported = _fixture.Reject(Slice(s => s.AddressType = "IP"));
        var created = _fixture.Registry.Create(Slice(), "kubectl");
        var changed = RegistryFixture.Copy(created);
        changed.AddressType = "IPv6";
        changed.Endpoints = [new V1Endpoint { Addresses = ["fd00::1"] }];
        var immutable = RegistryFixture.Rejected(() => _fixture.Registry.Update(changed, "kubectl"));

        Assert.Contains("addressType: Required value", missing.Message);
        Assert.Contains("addressType: Unsupported value: \"IP\": supported values: \"FQDN\", \"IPv4\", \"IPv6\"", unsupported.Message);
        Assert.Contains("addressType: Invalid value: \"IPv6\": field is immutable", immutable.Message);
    }

    [Fact]
    public void Addresses_must_be_of_the_address_type_and_port_names_unique_and_at_most_a_thousand_endpoints()
    {
        var wrongFamily = _fixture.Reject(Slice(s => s.Endpoints[0].Addresses = ["fd00::1"]));
        var noAddress = _fixture.Reject(Slice(s => s.Endpoints[0].Addresses = []));
        var duplicate = _fixture.Reject(Slice(s => s.Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 80 }, new Discoveryv1EndpointPort { Name = "http", Port = 81 }]));
        var tooMany = _fixture.Reject(Slice(s => s.Endpoints = Enumerable.Range(0, 1001).Select(i => new V1Endpoint { Addresses = [$"10.1.{i / 250}.{i % 250}"] }).ToList()));

        Assert.Contains("endpoints[0].addresses[0]: Invalid value: \"fd00::1\": must be a valid IPv4 address", wrongFamily.Message);
        Assert.Contains("endpoints[0].addresses: Required value: must contain at least 1 address", noAddress.Message);
        Assert.Contains("ports[1].name: Duplicate value: \"http\"", duplicate.Message);
        Assert.Contains("endpoints: Too many: 1001: must have at most 1000 items", tooMany.Message);
        Assert.Equal("EndpointSlice.discovery.k8s.io \"web-abcde\" is invalid: endpoints: Too many: 1001: must have at most 1000 items", tooMany.Message);
    }

    private static V1EndpointSlice Slice(Action<V1EndpointSlice>? change = null)
    {
        var slice = RegistryFixture.Manifest<V1EndpointSlice>("""
            {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
             "metadata":{"name":"web-abcde","namespace":"default","labels":{"kubernetes.io/service-name":"web"}},
             "addressType":"IPv4","ports":[{"port":80}],
             "endpoints":[{"addresses":["10.244.0.5"],"conditions":{"ready":true}}]}
            """);
        change?.Invoke(slice);
        return slice;
    }
}
