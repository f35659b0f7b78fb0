using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using static KubeRollout.Sandbox.Tests.Api.KubectlOutput;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>The Endpoints and EndpointSlices of the blue-green example as the real kubectl 1.35 shows them.</summary>
public sealed class KubectlEndpointsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task Get_endpoints_endpointslices_and_describe_service_show_the_selected_ready_pods_and_follow_a_switch()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var applied = await Kubectl.RunAsync("apply", "-n", ns, "-f", Examples.Path("blue-green", "vweb-blue.yaml"), "-f", Examples.Path("blue-green", "vweb-green.yaml"), "-f", Examples.Path("blue-green", "vweb-service-blue.yaml"));
        Assert.Equal(0, applied.ExitCode);
        var blue = await WaitForEndpointIpsAsync(ns, "slot=blue");

        var endpoints = await Kubectl.RunAsync("get", "endpoints", "vweb", "-n", ns);
        var slices = await Kubectl.RunAsync("get", "endpointslices", "-n", ns, "-l", "kubernetes.io/service-name=vweb");
        var described = await Kubectl.RunAsync("describe", "service", "vweb", "-n", ns);

        Assert.Equal(0, endpoints.ExitCode);
        Assert.Contains("Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice", endpoints.Error);
        Assert.Equal("NAME ENDPOINTS AGE", Columns(Lines(endpoints.Output)[0]));
        var endpointsRow = Regex.Match(Lines(endpoints.Output)[1], @"^vweb +(\S+) +\d+s$");
        Assert.True(endpointsRow.Success, endpoints.Output);
        Assert.Equal(blue.Select(ip => $"{ip}:80").Order(StringComparer.Ordinal), endpointsRow.Groups[1].Value.Split(',').Order(StringComparer.Ordinal));

        Assert.Equal(0, slices.ExitCode);
        Assert.Equal("NAME ADDRESSTYPE PORTS ENDPOINTS AGE", Columns(Lines(slices.Output)[0]));
        var sliceRow = Regex.Match(Assert.Single(Lines(slices.Output)[1..]), @"^vweb-[a-z0-9]{5} +IPv4 +80 +(\S+) +\d+s$");
        Assert.True(sliceRow.Success, slices.Output);
        Assert.Equal(blue.Order(StringComparer.Ordinal), sliceRow.Groups[1].Value.Split(',').Order(StringComparer.Ordinal));

        Assert.Equal(0, described.ExitCode);
        Assert.Matches(@"Selector: +app=vweb,slot=blue\n", described.Output);
        Assert.Matches(@"TargetPort: +http/TCP\n", described.Output);
        var describedEndpoints = Regex.Match(described.Output, @"\nEndpoints: +(\S+)\n");
        Assert.Equal(blue.Select(ip => $"{ip}:80").Order(StringComparer.Ordinal), describedEndpoints.Groups[1].Value.Split(',').Order(StringComparer.Ordinal));

        var switched = await Kubectl.RunAsync("apply", "-n", ns, "-f", Examples.Path("blue-green", "vweb-service-green.yaml"));
        Assert.Equal(0, switched.ExitCode);
        var green = await WaitForEndpointIpsAsync(ns, "slot=green");
        var after = await Kubectl.RunAsync("get", "endpointslices", "-n", ns, "-l", "kubernetes.io/service-name=vweb", "-o", "jsonpath={.items[*].endpoints[*].addresses[0]}");
        Assert.Equal(green.Order(StringComparer.Ordinal), after.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Empty(green.Intersect(blue));
    }

    [Fact]
    public async Task A_service_whose_pods_are_not_ready_shows_empty_endpoints_and_the_slice_lists_them_not_ready()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var pod = TestObjects.Pod("waiting", labels: new Dictionary<string, string> { ["app"] = "waiting" });
        pod.Metadata.Annotations = new Dictionary<string, string> { ["sandbox.kuberollout.io/behavior"] = "never-ready" };
        await sandbox.Client.CoreV1.CreateNamespacedPodAsync(pod, ns);
        await sandbox.Client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "waiting" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "waiting" }, Ports = [new V1ServicePort { Port = 80 }] },
        }, ns);
        await sandbox.WaitUntilAsync(
            async () => (await sandbox.Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns)).Items.Any(s => s.Endpoints?.Count == 1),
            "the pod is listed");

        var endpoints = await Kubectl.RunAsync("get", "ep", "waiting", "-n", ns);
        var conditions = await Kubectl.RunAsync("get", "endpointslices", "-n", ns, "-o", "jsonpath={.items[0].endpoints[0].conditions}");

        Assert.Matches(@"^waiting +\d+s$", Lines(endpoints.Output)[1]); // only not-ready addresses: an empty column
        Assert.Equal("{\"ready\":false,\"serving\":false,\"terminating\":false}", conditions.Output);
    }

    [Fact]
    public async Task The_kubernetes_service_lists_the_api_server_as_its_endpoint()
    {
        var port = sandbox.Server.BaseUrl.Port;

        var endpoints = await Kubectl.RunAsync("get", "endpoints", "kubernetes", "-n", "default");
        var slice = await Kubectl.RunAsync("get", "endpointslice", "kubernetes", "-n", "default");
        var described = await Kubectl.RunAsync("describe", "service", "kubernetes", "-n", "default");

        Assert.Matches($@"^kubernetes +127\.0\.0\.1:{port} +\d+[smhd]", Lines(endpoints.Output)[1]);
        Assert.Matches($@"^kubernetes +IPv4 +{port} +127\.0\.0\.1 +\d+[smhd]", Lines(slice.Output)[1]);
        Assert.Matches($@"\nEndpoints: +127\.0\.0\.1:{port}\n", described.Output);
    }

    private async Task<List<string>> WaitForEndpointIpsAsync(string ns, string podSelector)
    {
        List<string> ips = [];
        await sandbox.WaitUntilAsync(
            async () =>
            {
                var pods = (await sandbox.Client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: podSelector)).Items
                    .Where(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
                    .ToList();
                var ready = (await sandbox.Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, labelSelector: "kubernetes.io/service-name=vweb")).Items
                    .SelectMany(s => s.Endpoints ?? [])
                    .Where(e => e.Conditions?.Ready == true)
                    .Select(e => e.Addresses[0])
                    .ToList();
                ips = pods.Select(p => p.Status.PodIP).ToList();
                return pods.Count == 3 && ready.Order().SequenceEqual(ips.Order());
            },
            $"the three {podSelector} pods are the endpoints of vweb");
        return ips;
    }
}
