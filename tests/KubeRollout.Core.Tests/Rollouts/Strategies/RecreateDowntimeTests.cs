using System.Text.Json.Nodes;
using KubeRollout.Core.Rollouts.Strategies;

namespace KubeRollout.Core.Tests.Rollouts.Strategies;

public sealed class RecreateDowntimeTests
{
    private static JsonObject Deployment(string strategy, int replicas = 3, int? running = null) =>
        JsonNode.Parse($$$"""{"kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":{{{replicas}}},"strategy":{"type":"{{{strategy}}}"}},"status":{"replicas":{{{running ?? replicas}}}}}""")!.AsObject();

    [Fact]
    public void A_rollout_under_recreate_while_pods_run_warns_that_the_application_is_down()
    {
        var warning = RecreateDowntime.Warning("Deployment", "web", Deployment("Recreate"), Deployment("Recreate"), rolloutTriggered: true);

        Assert.Equal("deployment/web rolls out with the Recreate strategy: all 3 of its pods are stopped before any new one starts, so the application is down until the new pods are ready.", warning);
    }

    [Fact]
    public void The_pods_counted_are_those_that_run_not_those_wanted()
    {
        Assert.Contains("its pod is stopped", RecreateDowntime.Warning("Deployment", "web", Deployment("Recreate", replicas: 3, running: 1), Deployment("Recreate"), rolloutTriggered: true), StringComparison.Ordinal);
        Assert.Null(RecreateDowntime.Warning("Deployment", "web", Deployment("Recreate", replicas: 0, running: 0), Deployment("Recreate"), rolloutTriggered: true));
    }

    [Fact]
    public void A_rollout_that_switches_to_recreate_warns_as_a_rollout_under_recreate()
    {
        Assert.StartsWith("deployment/web rolls out with the Recreate strategy", RecreateDowntime.Warning("Deployment", "web", Deployment("RollingUpdate"), Deployment("Recreate"), rolloutTriggered: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_switch_to_recreate_without_rollout_warns_about_the_next_rollouts()
    {
        var warning = RecreateDowntime.Warning("Deployment", "web", Deployment("RollingUpdate"), Deployment("Recreate"), rolloutTriggered: false);

        Assert.Equal($"deployment/web now uses the Recreate strategy. {RecreateDowntime.Explanation}", warning);
        Assert.Null(RecreateDowntime.Warning("Deployment", "web", Deployment("Recreate"), Deployment("Recreate"), rolloutTriggered: false));
    }

    [Fact]
    public void Rolling_updates_new_deployments_and_other_kinds_do_not_warn()
    {
        Assert.Null(RecreateDowntime.Warning("Deployment", "web", Deployment("RollingUpdate"), Deployment("RollingUpdate"), rolloutTriggered: true));
        Assert.Null(RecreateDowntime.Warning("Deployment", "web", Deployment("Recreate"), Deployment("RollingUpdate"), rolloutTriggered: true));
        Assert.Null(RecreateDowntime.Warning("Deployment", "web", null, Deployment("Recreate"), rolloutTriggered: false));
        Assert.Null(RecreateDowntime.Warning("StatefulSet", "web", Deployment("Recreate"), Deployment("Recreate"), rolloutTriggered: true));
    }

    [Fact]
    public void A_restart_or_undo_of_a_recreate_deployment_with_pods_warns()
    {
        k8s.Models.V1Deployment Live(string strategy, int? running) => new()
        {
            Metadata = new() { Name = "web" },
            Spec = new() { Replicas = 4, Strategy = new() { Type = strategy } },
            Status = running is null ? null : new() { Replicas = running },
        };

        Assert.StartsWith("deployment/web rolls out with the Recreate strategy: all 2 of its pods", RecreateDowntime.Warning(Live("Recreate", 2)), StringComparison.Ordinal);
        Assert.Contains("all 4 of its pods", RecreateDowntime.Warning(Live("Recreate", null)), StringComparison.Ordinal);
        Assert.Null(RecreateDowntime.Warning(Live("Recreate", 0)));
        Assert.Null(RecreateDowntime.Warning(Live("RollingUpdate", 2)));
    }

    [Fact]
    public void A_deployment_without_strategy_rolls_out_as_rolling_update()
    {
        var live = JsonNode.Parse("""{"kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2}}""")!.AsObject();

        Assert.Null(RecreateDowntime.Warning("Deployment", "web", live, live, rolloutTriggered: true));
        Assert.NotNull(RecreateDowntime.Warning("Deployment", "web", live, Deployment("Recreate"), rolloutTriggered: false));
    }
}
