using k8s.Models;
using KubeRollout.Sandbox.Controllers.ServiceEndpoints;

namespace KubeRollout.Sandbox.Tests.Controllers.ServiceEndpoints;

public sealed class EndpointSlicePlannerTests
{
    private static readonly V1Node Node = new() { Metadata = new V1ObjectMeta { Name = "node-1", Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "zone-a" } } };

    [Fact]
    public void More_endpoints_than_a_slice_holds_are_spread_over_new_slices_of_at_most_the_maximum()
    {
        var plan = EndpointSlicePlanner.Plan(Service(), Pods(250), _ => Node, []);

        Assert.Equal([100, 100, 50], plan.Create.Select(s => s.Endpoints.Count));
        Assert.Empty(plan.Update);
        Assert.Empty(plan.Delete);
        Assert.All(plan.Create, s => Assert.Equal("web-", s.Metadata.GenerateName));
        Assert.Equal("zone-a", plan.Create[0].Endpoints[0].Zone);
    }

    [Fact]
    public void Unchanged_endpoints_stay_in_their_slice_and_new_ones_go_to_the_slice_they_fit_best()
    {
        var service = Service();
        var existing = Stored(EndpointSlicePlanner.Plan(service, Pods(3), _ => Node, []).Create);

        var plan = EndpointSlicePlanner.Plan(service, Pods(5), _ => Node, existing);

        Assert.Empty(plan.Create);
        var updated = Assert.Single(plan.Update);
        Assert.Equal(existing[0].Metadata.Name, updated.Metadata.Name);
        Assert.Equal(["pod-000", "pod-001", "pod-002", "pod-003", "pod-004"], updated.Endpoints.Select(e => e.TargetRef.Name));
    }

    [Fact]
    public void An_unchanged_state_plans_no_writes_and_a_changed_condition_updates_in_place()
    {
        var service = Service();
        var existing = Stored(EndpointSlicePlanner.Plan(service, Pods(2), _ => Node, []).Create);

        Assert.True(EndpointSlicePlanner.Plan(service, Pods(2), _ => Node, existing).IsEmpty);

        var pods = Pods(2);
        pods[1].Metadata.DeletionTimestamp = DateTime.UtcNow;
        var plan = EndpointSlicePlanner.Plan(service, pods, _ => Node, existing);
        var endpoint = Assert.Single(plan.Update).Endpoints.Single(e => e.TargetRef.Name == "pod-001");
        Assert.Equal((false, true, true), (endpoint.Conditions.Ready, endpoint.Conditions.Serving, endpoint.Conditions.Terminating));
    }

    [Fact]
    public void A_slice_whose_endpoints_all_left_is_reused_for_the_new_ones_instead_of_deleted_and_created()
    {
        var service = Service();
        var existing = Stored(EndpointSlicePlanner.Plan(service, Pods(2), _ => Node, []).Create);
        var others = Pods(2, prefix: "other");

        var plan = EndpointSlicePlanner.Plan(service, others, _ => Node, existing);

        Assert.Empty(plan.Create);
        Assert.Empty(plan.Delete);
        Assert.Equal(existing[0].Metadata.Name, Assert.Single(plan.Update).Metadata.Name);
        Assert.Equal(["other-000", "other-001"], plan.Update[0].Endpoints.Select(e => e.TargetRef.Name));
    }

    [Fact]
    public void No_pods_leave_one_placeholder_which_is_then_kept()
    {
        var service = Service();
        var existing = Stored(EndpointSlicePlanner.Plan(service, Pods(1), _ => Node, []).Create);

        var emptied = EndpointSlicePlanner.Plan(service, [], _ => Node, existing);
        var placeholder = Assert.Single(emptied.Update);
        Assert.Empty(placeholder.Endpoints);
        Assert.Null(placeholder.Ports);

        Assert.True(EndpointSlicePlanner.Plan(service, [], _ => Node, Stored([placeholder])).IsEmpty);
    }

    [Fact]
    public void Slices_not_owned_by_the_service_are_deleted_and_pods_on_unknown_nodes_are_left_out_for_a_retry()
    {
        var service = Service();
        var foreign = Stored(EndpointSlicePlanner.Plan(Service(uid: "someone-else"), Pods(1), _ => Node, []).Create);

        var plan = EndpointSlicePlanner.Plan(service, Pods(2), name => null, foreign);

        Assert.True(plan.SkippedPods);
        Assert.Equal(foreign[0].Metadata.Name, Assert.Single(plan.Delete).Metadata.Name);
        Assert.Empty(Assert.Single(plan.Create).Endpoints);
    }

    [Fact]
    public void A_headless_service_labels_its_slices_as_headless()
    {
        var service = Service();
        service.Spec.ClusterIP = "None";

        var slice = Assert.Single(EndpointSlicePlanner.Plan(service, Pods(1), _ => Node, []).Create);

        Assert.Equal(string.Empty, slice.Metadata.Labels["service.kubernetes.io/headless"]);
    }

    private static V1Service Service(string uid = "svc-uid") => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Uid = uid, Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1ServiceSpec
        {
            ClusterIP = "10.96.0.10",
            IpFamilies = ["IPv4"],
            Selector = new Dictionary<string, string> { ["app"] = "web" },
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http", Protocol = "TCP" }],
        },
    };

    private static List<V1Pod> Pods(int count, string prefix = "pod") => Enumerable.Range(0, count).Select(i => new V1Pod
    {
        Metadata = new V1ObjectMeta { Name = $"{prefix}-{i:000}", NamespaceProperty = "default", Uid = $"{prefix}-uid-{i}", Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { NodeName = "node-1", Containers = [new V1Container { Name = "web", Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }] }] },
        Status = new V1PodStatus
        {
            Phase = "Running",
            PodIP = $"10.244.{i / 250}.{(i % 250) + 1}",
            PodIPs = [new V1PodIP { Ip = $"10.244.{i / 250}.{(i % 250) + 1}" }],
            Conditions = [new V1PodCondition { Type = "Ready", Status = "True" }],
        },
    }).ToList();

    /// <summary>Slices as the store returns them once created: named.</summary>
    private static List<V1EndpointSlice> Stored(IEnumerable<V1EndpointSlice> slices) =>
        slices.Select((s, i) =>
        {
            s.Metadata.Name ??= $"web-stored{i}";
            return s;
        }).ToList();
}
