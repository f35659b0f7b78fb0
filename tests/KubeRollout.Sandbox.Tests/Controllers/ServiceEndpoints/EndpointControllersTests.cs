using k8s.Models;
using KubeRollout.Sandbox.Controllers.ServiceEndpoints;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.ServiceEndpoints;

/// <summary>The Endpoints and EndpointSlice controllers on a running sandbox: what they compute as pods and Services change.</summary>
public sealed class EndpointControllersTests
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";

    [Fact]
    public async Task A_service_gets_one_slice_and_one_endpoints_object_listing_its_ready_pods()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("web", replicas: 3), "test");
        var service = cluster.Registry.Create(Service("web", new() { ["app"] = "web" }, labels: new() { ["tier"] = "front" }), "test");
        await cluster.WaitForRolloutAsync("web");

        // The two controllers are independent: each is waited for (under load the Endpoints can be done before the slice).
        await cluster.WaitUntilAsync(
            () => ReadyPods(cluster, "web").Count == 3 && EndpointsOf(cluster, "web")?.Subsets?.Single().Addresses?.Count == 3
                && SlicesOf(cluster, "web") is [{ Endpoints: { Count: 3 } sliceEndpoints }] && sliceEndpoints.All(e => e.Conditions?.Ready == true),
            "three ready endpoints in the Endpoints and the slice");

        var slice = Assert.Single(SlicesOf(cluster, "web"));
        var pods = cluster.ActivePods("app=web");
        Assert.Equal("IPv4", slice.AddressType);
        Assert.Matches("^web-[bcdfghjklmnpqrstvwxz2456789]{5}$", slice.Metadata.Name);
        Assert.Equal(
            new Dictionary<string, string> { ["tier"] = "front", [ServiceNameLabel] = "web", ["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io" },
            slice.Metadata.Labels);
        var owner = Assert.Single(slice.Metadata.OwnerReferences);
        Assert.Equal(("v1", "Service", "web", service.Metadata.Uid, true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        var port = Assert.Single(slice.Ports);
        Assert.Equal(("http", 80, "TCP"), (port.Name, port.Port, port.Protocol)); // the named targetPort resolved on each pod
        Assert.Equal(pods.Select(p => p.Metadata.Name).Order(), slice.Endpoints.Select(e => e.TargetRef.Name).Order());
        Assert.All(slice.Endpoints, e =>
        {
            var pod = pods.Single(p => p.Metadata.Name == e.TargetRef.Name);
            Assert.Equal([pod.Status.PodIP], e.Addresses);
            Assert.Equal((true, true, false), (e.Conditions.Ready, e.Conditions.Serving, e.Conditions.Terminating));
            Assert.Equal((pod.Spec.NodeName, "Pod", pod.Metadata.Uid), (e.NodeName, e.TargetRef.Kind, e.TargetRef.Uid));
        });
        Assert.True(slice.Metadata.Annotations?.ContainsKey("endpoints.kubernetes.io/last-change-trigger-time"));

        var endpoints = EndpointsOf(cluster, "web")!;
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "front" }, endpoints.Metadata.Labels);
        Assert.Null(endpoints.Metadata.OwnerReferences);
        var subset = Assert.Single(endpoints.Subsets);
        Assert.Equal(pods.Select(p => p.Status.PodIP).Order(StringComparer.Ordinal), subset.Addresses.Select(a => a.Ip));
        Assert.Null(subset.NotReadyAddresses);
        Assert.Equal(("http", 80, "TCP"), (subset.Ports.Single().Name, subset.Ports.Single().Port, subset.Ports.Single().Protocol));
    }

    [Fact]
    public async Task Changing_the_selector_moves_the_endpoints_to_the_other_pods()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("blue", replicas: 2), "test");
        cluster.Registry.Create(Manifests.Deployment("green", replicas: 2), "test");
        cluster.Registry.Create(Service("web", new() { ["app"] = "blue" }), "test");
        await cluster.WaitForRolloutAsync("blue");
        await cluster.WaitForRolloutAsync("green");
        await cluster.WaitUntilAsync(() => ReadyEndpointPods(cluster, "web").SetEquals(ReadyPods(cluster, "blue")), "the blue pods are the endpoints");

        cluster.Modify<V1Service>("web", s => s.Spec.Selector = new Dictionary<string, string> { ["app"] = "green" });

        await cluster.WaitUntilAsync(
            () => ReadyEndpointPods(cluster, "web").SetEquals(ReadyPods(cluster, "green")) && SlicesOf(cluster, "web").Sum(s => s.Endpoints?.Count ?? 0) == 2,
            "the green pods, and only they, are the endpoints");
        await cluster.WaitUntilAsync(
            () => EndpointsOf(cluster, "web")?.Subsets?.SelectMany(s => s.Addresses ?? []).Select(a => a.TargetRef.Name).ToHashSet().SetEquals(ReadyPods(cluster, "green")) == true,
            "the Endpoints object lists the green pods");
        Assert.Single(SlicesOf(cluster, "web"));
    }

    [Fact]
    public async Task A_pod_that_is_not_ready_is_listed_as_not_ready_unless_the_service_publishes_not_ready_addresses()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Pod("stuck", labels: new Dictionary<string, string> { ["app"] = "web" }, annotations: new Dictionary<string, string> { ["sandbox.kuberollout.io/behavior"] = "never-ready" }), "test");
        cluster.Registry.Create(Service("strict", new() { ["app"] = "web" }, port: 80), "test");
        var tolerant = Service("tolerant", new() { ["app"] = "web" }, port: 80);
        tolerant.Spec.PublishNotReadyAddresses = true;
        cluster.Registry.Create(tolerant, "test");

        await cluster.WaitUntilAsync(() => SlicesOf(cluster, "strict").Any(s => s.Endpoints?.Count == 1) && SlicesOf(cluster, "tolerant").Any(s => s.Endpoints?.Count == 1), "both services list the pod");
        await cluster.WaitUntilAsync(() => EndpointsOf(cluster, "strict")?.Subsets is { Count: 1 } && EndpointsOf(cluster, "tolerant")?.Subsets is { Count: 1 }, "both Endpoints objects list the pod");

        var strict = SlicesOf(cluster, "strict").Single().Endpoints.Single();
        var tolerantEndpoint = SlicesOf(cluster, "tolerant").Single().Endpoints.Single();
        Assert.Equal((false, false, false), (strict.Conditions.Ready, strict.Conditions.Serving, strict.Conditions.Terminating));
        Assert.Equal((true, false, false), (tolerantEndpoint.Conditions.Ready, tolerantEndpoint.Conditions.Serving, tolerantEndpoint.Conditions.Terminating));
        var strictSubset = EndpointsOf(cluster, "strict")!.Subsets.Single();
        Assert.Null(strictSubset.Addresses);
        Assert.Equal("stuck", strictSubset.NotReadyAddresses.Single().TargetRef.Name);
        Assert.Equal(80, strictSubset.Ports.Single().Port);
        Assert.Equal("stuck", EndpointsOf(cluster, "tolerant")!.Subsets.Single().Addresses.Single().TargetRef.Name);
    }

    [Fact]
    public async Task A_terminating_pod_stays_in_the_slice_as_terminating_and_leaves_the_endpoints_object()
    {
        await using var cluster = new TestCluster(timeScale: 5);
        var pod = Manifests.Pod("leaving", labels: new Dictionary<string, string> { ["app"] = "web" });
        pod.Spec.TerminationGracePeriodSeconds = 600;
        cluster.Registry.Create(pod, "test");
        cluster.Registry.Create(Service("web", new() { ["app"] = "web" }, port: 80), "test");
        await cluster.WaitUntilAsync(() => ReadyEndpointPods(cluster, "web").Contains("leaving"), "the pod is a ready endpoint");

        cluster.Registry.Delete<V1Pod>(TestCluster.Namespace, "leaving");

        await cluster.WaitUntilAsync(() => SlicesOf(cluster, "web").SelectMany(s => s.Endpoints ?? []).Any(e => e.Conditions.Terminating == true), "the endpoint is terminating");
        var endpoint = SlicesOf(cluster, "web").Single().Endpoints.Single();
        Assert.Equal((false, true), (endpoint.Conditions.Ready, endpoint.Conditions.Terminating));
        await cluster.WaitUntilAsync(() => EndpointsOf(cluster, "web") is { Subsets: null }, "the Endpoints object drops the pod");
    }

    [Fact]
    public async Task A_named_target_port_that_resolves_differently_per_pod_gives_one_slice_per_port()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(PodWithPort("a", 8080), "test");
        cluster.Registry.Create(PodWithPort("b", 9090), "test");
        cluster.Registry.Create(PodWithPort("c", 9090), "test");
        cluster.Registry.Create(Service("web", new() { ["app"] = "web" }), "test");

        await cluster.WaitUntilAsync(() => SlicesOf(cluster, "web").Sum(s => s.Endpoints?.Count ?? 0) == 3 && SlicesOf(cluster, "web").Count == 2, "two slices with three endpoints");

        var byPort = SlicesOf(cluster, "web").ToDictionary(s => s.Ports.Single().Port!.Value, s => s.Endpoints.Select(e => e.TargetRef.Name).Order().ToList());
        Assert.Equal(["a"], byPort[8080]);
        Assert.Equal(["b", "c"], byPort[9090]);
        await cluster.WaitUntilAsync(() => EndpointsOf(cluster, "web")?.Subsets?.Count == 2, "two subsets");
        Assert.Equal([8080, 9090], EndpointsOf(cluster, "web")!.Subsets.Select(s => s.Ports.Single().Port).Order());
    }

    [Fact]
    public async Task A_service_without_selector_gets_nothing_and_its_manual_endpoints_are_left_alone()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Pod("p", labels: new Dictionary<string, string> { ["app"] = "web" }), "test");
        cluster.Registry.Create(Service("manual", selector: null, port: 80), "test");
        cluster.Registry.Create(new V1Endpoints
        {
            Metadata = new V1ObjectMeta { Name = "manual", NamespaceProperty = TestCluster.Namespace },
            Subsets = [new V1EndpointSubset { Addresses = [new V1EndpointAddress { Ip = "192.0.2.10" }], Ports = [new Corev1EndpointPort { Port = 80 }] }],
        }, "test");
        cluster.Registry.Create(Service("selected", new() { ["app"] = "web" }, port: 80), "test");
        await cluster.WaitUntilAsync(() => SlicesOf(cluster, "selected").Any(s => s.Endpoints?.Count == 1), "the other service is synced");

        Assert.Empty(SlicesOf(cluster, "manual"));
        Assert.Equal("192.0.2.10", EndpointsOf(cluster, "manual")!.Subsets.Single().Addresses.Single().Ip);
    }

    [Fact]
    public async Task A_service_without_pods_has_one_empty_placeholder_slice_and_empty_endpoints()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Service("lonely", new() { ["app"] = "nothing" }, port: 80), "test");

        await cluster.WaitUntilAsync(() => SlicesOf(cluster, "lonely").Count == 1 && EndpointsOf(cluster, "lonely") is not null, "a placeholder slice and an Endpoints object");

        var slice = SlicesOf(cluster, "lonely").Single();
        Assert.Empty(slice.Endpoints ?? []);
        Assert.Null(slice.Ports);
        Assert.Null(EndpointsOf(cluster, "lonely")!.Subsets);
    }

    [Fact]
    public async Task Deleting_the_service_removes_its_slices_and_endpoints_and_a_slice_deleted_by_someone_else_comes_back()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Pod("p", labels: new Dictionary<string, string> { ["app"] = "web" }), "test");
        cluster.Registry.Create(Service("web", new() { ["app"] = "web" }, port: 80), "test");
        await cluster.WaitUntilAsync(() => SlicesOf(cluster, "web").Any(s => s.Endpoints?.Count == 1), "the pod is an endpoint");
        var first = SlicesOf(cluster, "web").Single().Metadata.Name;

        cluster.Registry.Delete<V1EndpointSlice>(TestCluster.Namespace, first);
        await cluster.WaitUntilAsync(() => SlicesOf(cluster, "web").Any(s => s.Metadata.Name != first && s.Endpoints?.Count == 1), "a new slice lists the pod");

        cluster.Registry.Delete<V1Service>(TestCluster.Namespace, "web");
        await cluster.WaitUntilAsync(() => SlicesOf(cluster, "web").Count == 0 && EndpointsOf(cluster, "web") is null, "the slices and the Endpoints object are gone");
    }

    private static V1Service Service(string name, Dictionary<string, string>? selector, int? port = null, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = TestCluster.Namespace, Labels = labels },
        Spec = new V1ServiceSpec
        {
            Selector = selector,
            Ports = [new V1ServicePort { Name = "http", Port = 8090, TargetPort = port is { } number ? number : "http" }],
        },
    };

    private static V1Pod PodWithPort(string name, int port)
    {
        var pod = Manifests.Pod(name, labels: new Dictionary<string, string> { ["app"] = "web" });
        pod.Spec.Containers[0].Ports = [new V1ContainerPort { Name = "http", ContainerPort = port }];
        return pod;
    }

    private static List<V1EndpointSlice> SlicesOf(TestCluster cluster, string service) =>
        cluster.Registry.List<V1EndpointSlice>(TestCluster.Namespace).Where(s => s.Metadata.Labels?.TryGetValue(ServiceNameLabel, out var name) == true && name == service).ToList();

    private static V1Endpoints? EndpointsOf(TestCluster cluster, string service) => cluster.Registry.Get<V1Endpoints>(TestCluster.Namespace, service);

    private static HashSet<string> ReadyEndpointPods(TestCluster cluster, string service) =>
        SlicesOf(cluster, service).SelectMany(s => s.Endpoints ?? []).Where(e => e.Conditions.Ready == true).Select(e => e.TargetRef.Name).ToHashSet();

    private static HashSet<string> ReadyPods(TestCluster cluster, string app) =>
        cluster.ActivePods($"app={app}").Where(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true).Select(p => p.Metadata.Name).ToHashSet();
}
