using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.BlueGreen;
using static KubeRollout.Core.Tests.Releases.BlueGreen.BlueGreenSelectorTests;

namespace KubeRollout.Core.Tests.Releases.BlueGreen;

public sealed class BlueGreenPolicyTests
{
    [Fact]
    public void A_switch_to_a_ready_side_moves_every_pod_of_traffic_from_one_side_to_the_other()
    {
        var state = new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green").State();

        var plan = BlueGreenPolicy.PlanSwitch(state, "vweb-green");

        Assert.Equal(["vweb-blue"], plan.From);
        Assert.Equal(("vweb-green", false), (plan.To, plan.IsNoOp));
        Assert.Equal(Labels("app=vweb,slot=blue"), plan.PreviousSelector);
        Assert.Equal(Labels("app=vweb,slot=green"), plan.Selector);
        Assert.Equal(["vweb-green-abc-0", "vweb-green-abc-1", "vweb-green-abc-2"], plan.Gaining.Select(e => e.Pod));
        Assert.Equal(["vweb-blue-abc-0", "vweb-blue-abc-1", "vweb-blue-abc-2"], plan.Losing.Select(e => e.Pod));
        Assert.Equal(plan.Gaining, plan.TargetPods);
        var text = plan.Describe();
        Assert.Contains("switch from vweb-blue to vweb-green", text);
        Assert.Contains("app=vweb,slot=blue -> app=vweb,slot=green", text);
        Assert.Contains("vweb-green-abc-0 (10.244.0.4)", text);
    }

    [Fact]
    public void A_switch_to_the_side_that_has_the_traffic_is_a_no_op()
    {
        var state = new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green").State();

        var plan = BlueGreenPolicy.PlanSwitch(state, "vweb-blue");

        Assert.True(plan.IsNoOp);
        Assert.Empty(plan.Gaining);
        Assert.Empty(plan.Losing);
        Assert.Contains("already selects deployment vweb-blue", plan.Describe());
    }

    [Fact]
    public void A_target_in_the_middle_of_a_rollout_is_refused_with_kubectls_status()
    {
        var state = new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green", rolledOut: false).State();

        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanSwitch(state, "vweb-green"));

        Assert.Equal(("TargetNotReady", FailureKind.InvalidOperation, (object?)"vweb-green"), (refused.ErrorId, refused.Kind, refused.Target));
        Assert.Equal("deployment vweb-green is not ready to receive traffic: Waiting for deployment spec update to be observed...", refused.Message);
    }

    [Fact]
    public void A_target_whose_pods_lack_the_named_target_port_is_refused()
    {
        // The endpoint controllers resolve a named targetPort per pod: pods without it serve nothing on that port.
        var state = new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green", portName: "web").State();

        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanSwitch(state, "vweb-green"));

        Assert.Equal(("TargetPortMissing", FailureKind.InvalidOperation), (refused.ErrorId, refused.Kind));
        Assert.StartsWith(
            "deployment vweb-green cannot receive the traffic of service vweb: port 8090/TCP targets the container port named http, and its pods have no such port (their ports: web 80/TCP).",
            refused.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_target_port_needs_no_named_container_port()
    {
        var service = BlueGreenCluster.NewService("vweb", new() { ["app"] = "vweb", ["slot"] = "blue" });
        service.Spec.Ports[0].TargetPort = 8080;
        var state = new BlueGreenCluster().WithService(service).Side("vweb-blue", "blue").Side("vweb-green", "green", portName: "web").State();

        Assert.Equal("vweb-green", BlueGreenPolicy.PlanSwitch(state, "vweb-green").To);
    }

    [Fact]
    public void A_target_with_replicas_that_are_not_available_is_refused()
    {
        var state = new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green", ready: 1).State();

        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanSwitch(state, "vweb-green"));

        Assert.Equal("TargetNotReady", refused.ErrorId);
        Assert.Contains("1 of 3 updated replicas are available", refused.Message);
    }

    [Fact]
    public void A_target_scaled_to_zero_is_refused()
    {
        var state = new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green", replicas: 0).State();

        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanSwitch(state, "vweb-green"));

        Assert.Equal("TargetNotReady", refused.ErrorId);
        Assert.Contains("0 replicas", refused.Message);
    }

    [Fact]
    public void A_selector_that_would_also_reach_pods_of_no_deployment_is_refused()
    {
        var state = new BlueGreenCluster()
            .Side("vweb-blue", "blue").Side("vweb-green", "green")
            .BarePod("debug", new() { ["app"] = "vweb", ["slot"] = "green" })
            .State();

        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanSwitch(state, "vweb-green"));

        Assert.Equal("SelectorMatchesOtherPods", refused.ErrorId);
        Assert.Contains("debug, of no Deployment", refused.Message);
    }

    [Fact]
    public void A_deployment_that_does_not_exist_and_a_service_without_selector_are_refused()
    {
        var missing = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanSwitch(new BlueGreenCluster().Side("vweb-blue", "blue").State(), "vweb-red"));
        var manual = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanSwitch(
            new BlueGreenCluster().WithService(BlueGreenCluster.NewService("manual", null)).Side("vweb-green", "green").State(), "vweb-green"));

        Assert.Equal(("WorkloadNotFound", FailureKind.ObjectNotFound), (missing.ErrorId, missing.Kind));
        Assert.Equal("deployments.apps \"vweb-red\" not found in namespace default", missing.Message);
        Assert.Equal(("ServiceWithoutSelector", FailureKind.InvalidOperation), (manual.ErrorId, manual.Kind));
    }

    [Fact]
    public void Going_back_restores_the_selector_before_the_last_switch()
    {
        var history = BlueGreenHistory.Serialize(BlueGreenHistory.Append([], DateTime.UtcNow, "vweb-blue", "vweb-green", Labels("app=vweb,slot=blue"), Labels("app=vweb,slot=green"), null));
        var state = new BlueGreenCluster()
            .WithService(BlueGreenCluster.NewService("vweb", new() { ["app"] = "vweb", ["slot"] = "green" }, history))
            .Side("vweb-blue", "blue").Side("vweb-green", "green")
            .State();

        var plan = BlueGreenPolicy.PlanBack(state, BlueGreenPolicy.History(state.Service));

        Assert.True(plan.Back);
        Assert.Equal("vweb-blue", plan.To);
        Assert.Equal(["vweb-green"], plan.From);
        Assert.Equal(Labels("app=vweb,slot=blue"), plan.Selector);
        Assert.Contains("switch back from vweb-green to vweb-blue", plan.Describe());
    }

    [Fact]
    public void Going_back_without_a_recorded_switch_or_after_someone_changed_the_selector_is_refused()
    {
        var history = BlueGreenHistory.Serialize(BlueGreenHistory.Append([], DateTime.UtcNow, "vweb-blue", "vweb-green", Labels("app=vweb,slot=blue"), Labels("app=vweb,slot=green"), null));
        var fresh = new BlueGreenCluster().Side("vweb-blue", "blue").Side("vweb-green", "green").State();
        var edited = new BlueGreenCluster()
            .WithService(BlueGreenCluster.NewService("vweb", new() { ["app"] = "vweb", ["slot"] = "blue" }, history))
            .Side("vweb-blue", "blue").Side("vweb-green", "green")
            .State();

        var none = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanBack(fresh, BlueGreenPolicy.History(fresh.Service)));
        var changed = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanBack(edited, BlueGreenPolicy.History(edited.Service)));

        Assert.Equal("NoSwitchToGoBack", none.ErrorId);
        Assert.Equal("SelectorChangedOutsideSwitch", changed.ErrorId);
    }

    [Fact]
    public void Going_back_to_a_side_that_was_scaled_down_is_refused()
    {
        var history = BlueGreenHistory.Serialize(BlueGreenHistory.Append([], DateTime.UtcNow, "vweb-blue", "vweb-green", Labels("app=vweb,slot=blue"), Labels("app=vweb,slot=green"), null));
        var state = new BlueGreenCluster()
            .WithService(BlueGreenCluster.NewService("vweb", new() { ["app"] = "vweb", ["slot"] = "green" }, history))
            .Side("vweb-blue", "blue", replicas: 0).Side("vweb-green", "green")
            .State();

        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.PlanBack(state, BlueGreenPolicy.History(state.Service)));

        Assert.Equal("TargetNotReady", refused.ErrorId);
        Assert.Contains("kubectl scale deployment vweb-blue", refused.Message);
    }

    [Fact]
    public void An_unreadable_history_is_reported_with_its_own_error()
    {
        var refused = Assert.Throws<KubeRolloutException>(() => BlueGreenPolicy.History(BlueGreenCluster.NewService("vweb", new() { ["app"] = "vweb" }, "{broken")));

        Assert.Equal(("BlueGreenHistoryUnreadable", FailureKind.InvalidData), (refused.ErrorId, refused.Kind));
    }

    [Fact]
    public void The_status_names_the_active_and_the_standby_side_and_the_endpoints()
    {
        var state = new BlueGreenCluster()
            .Side("vweb-blue", "blue").Side("vweb-green", "green", ready: 2)
            .Side("db", "primary", replicas: 1, podLabels: new() { ["app"] = "db", ["slot"] = "primary" }, selector: new() { ["app"] = "db" })
            .State();

        var status = BlueGreenInspector.Describe(state, []);

        Assert.Equal(("vweb-blue", BlueGreenRole.Active, 3), (status.Active!.Name, status.Active.Role, status.Active.Endpoints));
        Assert.Equal(("vweb-green", 2, 3), (status.Standby!.Name, status.Standby.ReadyReplicas, status.Standby.Replicas));
        Assert.Equal(["nginx:green"], status.Standby.Images);
        Assert.Equal(2L, status.Standby.Revision);
        Assert.Equal(["vweb-blue", "vweb-green"], status.Sides.Select(s => s.Name));
        Assert.Equal(["vweb-blue-abc-0", "vweb-blue-abc-1", "vweb-blue-abc-2"], status.EndpointPods);
        Assert.Equal("app=vweb,slot=blue", status.Selector);
        Assert.Contains("vweb-blue receives the traffic (3 ready endpoints)", status.Message);
        Assert.Contains("vweb-green is not ready to take it", status.Message);
    }

    [Fact]
    public void The_write_sets_the_selector_removing_old_keys_and_is_conditional_on_what_was_read()
    {
        var service = BlueGreenCluster.NewService("vweb", new() { ["app"] = "vweb", ["slot"] = "blue", ["tier"] = "web" });

        var patch = BlueGreenServicePatch.For(service, Labels("app=vweb,color=green"), "[]");

        Assert.Equal(
            """{"metadata":{"resourceVersion":"41","annotations":{"kuberollout.io/blue-green-history":"[]"}},"spec":{"selector":{"slot":null,"tier":null,"app":"vweb","color":"green"}}}""",
            patch);
    }
}
