using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Registry.Core.Services;

/// <summary>core/v1 services through the registry: defaults, allocations, validation.</summary>
public class ServiceRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void ServiceGetsAClusterIpAndPortDefaults()
    {
        var manifest = RegistryFixture.Manifest<V1Service>("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"vweb","namespace":"default"},
             "spec":{"selector":{"app":"vweb"},"ports":[{"name":"http","port":8090,"targetPort":"http"},{"name":"metrics","port":9090}],"type":"LoadBalancer"}}
            """);

        var stored = _fixture.Registry.Create(manifest, "kubectl");

        var spec = ModelJson.ToNode(stored)["spec"]!.AsObject();
        var clusterIp = (string?)spec["clusterIP"];
        Assert.StartsWith("10.", clusterIp, StringComparison.Ordinal);
        var octets = clusterIp!.Split('.').Select(int.Parse).ToArray();
        Assert.InRange(octets[1], 96, 111);
        JsonAssert.Equal($"[\"{clusterIp}\"]", spec["clusterIPs"]);
        JsonAssert.Equal("""["IPv4"]""", spec["ipFamilies"]);
        Assert.Equal("SingleStack", (string?)spec["ipFamilyPolicy"]);
        Assert.Equal("Cluster", (string?)spec["internalTrafficPolicy"]);
        Assert.Equal("Cluster", (string?)spec["externalTrafficPolicy"]);
        Assert.Equal("None", (string?)spec["sessionAffinity"]);
        Assert.True((bool)spec["allocateLoadBalancerNodePorts"]!);
        var ports = spec["ports"]!.AsArray();
        Assert.Equal("http", (string?)ports[0]!["targetPort"]);
        Assert.Equal(9090, (int)ports[1]!["targetPort"]!);
        Assert.All(ports, p => Assert.Equal("TCP", (string?)p!["protocol"]));
        Assert.All(ports, p => Assert.InRange((int)p!["nodePort"]!, 30000, 32767));
        JsonAssert.Equal("""{"loadBalancer":{}}""", ModelJson.ToNode(stored)["status"]);

        // An update that leaves the allocations out keeps them.
        var update = RegistryFixture.Manifest<V1Service>(ModelJson.Serialize(stored));
        update.Spec.ClusterIP = null;
        update.Spec.ClusterIPs = null;
        update.Spec.Ports[0].NodePort = null;
        update.Spec.Selector["app"] = "vweb-v2";
        var updated = _fixture.Registry.Update(update, "kubectl");
        Assert.Equal(clusterIp, updated.Spec.ClusterIP);
        Assert.Equal(stored.Spec.Ports[0].NodePort, updated.Spec.Ports[0].NodePort);
    }

    [Fact]
    public void ServiceClusterIpOutsideTheRangeIsRefused()
    {
        var manifest = RegistryFixture.Manifest<V1Service>("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"vweb","namespace":"default"},"spec":{"clusterIP":"192.168.1.1","ports":[{"port":80}]}}
            """);

        var error = RegistryFixture.Rejected(() => _fixture.Registry.Create(manifest, "kubectl"));

        Assert.Equal(
            "Service \"vweb\" is invalid: spec.clusterIPs[0]: Invalid value: \"192.168.1.1\": failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12",
            error.Message);
    }

    [Fact]
    public void ServiceNamesAreDns1035Labels()
    {
        var error = _fixture.Reject(RegistryFixture.Manifest<V1Service>("""
            {"metadata":{"name":"1web","namespace":"default"},"spec":{"ports":[{"port":80},{"port":0,"name":"b"}]}}
            """));

        Assert.Equal(
            [
                "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
                "spec.ports[0].name: Required value",
                "spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[1].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
            ],
            error.Details!.Causes.Select(c => $"{c.Field}: {c.Message}"));
        Assert.StartsWith("Service \"1web\" is invalid: [", error.Message, StringComparison.Ordinal);
    }
}
