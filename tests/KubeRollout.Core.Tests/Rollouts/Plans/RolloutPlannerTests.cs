using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Plans;
using KubeRollout.Core.Rollouts.Strategies;

namespace KubeRollout.Core.Tests.Rollouts.Plans;

public class RolloutPlannerTests
{
    private static RolloutPlan Plan(int replicas, string maxSurge, string maxUnavailable, StrategyType strategy = StrategyType.RollingUpdate, RolloutPlanState? start = null) =>
        RolloutPlanner.Plan(new RolloutPlanRequest
        {
            Replicas = replicas,
            Strategy = strategy,
            MaxSurge = Amount(maxSurge),
            MaxUnavailable = Amount(maxUnavailable),
            Start = start,
        });

    private static IntOrPercent Amount(string text) => IntOrPercent.TryParse(text, out var value) ? value : throw new ArgumentException(text);

    /// <summary>The (old, new) pod counts after each step, as "old/new".</summary>
    private static string[] Counts(RolloutPlan plan) => plan.Steps.Select(s => $"{s.OldPods}/{s.NewPods}").ToArray();

    private static void AssertWithinBounds(RolloutPlan plan)
    {
        Assert.All(plan.Steps, step =>
        {
            Assert.True(step.TotalPods <= plan.MaxPods, $"step {step.Step} has {step.TotalPods} pods, more than {plan.MaxPods}");
            Assert.True(step.AvailablePods >= Math.Min(plan.MinAvailable, plan.Steps[0].AvailablePods), $"step {step.Step} has {step.AvailablePods} available, fewer than {plan.MinAvailable}");
            Assert.Equal(step.TotalPods - step.AvailablePods, step.UnavailablePods);
        });
        var last = plan.Steps[^1];
        Assert.Equal((0, plan.Replicas, plan.Replicas), (last.OldPods, last.NewPods, last.AvailablePods));
    }

    [Fact]
    public void Surge_1_unavailable_0_never_has_more_than_4_pods_or_fewer_than_3_available()
    {
        var plan = Plan(3, "1", "0");

        Assert.Equal(["3/0", "3/1", "3/1", "2/1", "2/2", "2/2", "1/2", "1/3", "1/3", "0/3"], Counts(plan));
        Assert.Equal(
            [PlanAction.Start, PlanAction.ScaleUpNew, PlanAction.PodsBecomeAvailable, PlanAction.ScaleDownOld, PlanAction.ScaleUpNew,
             PlanAction.PodsBecomeAvailable, PlanAction.ScaleDownOld, PlanAction.ScaleUpNew, PlanAction.PodsBecomeAvailable, PlanAction.ScaleDownOld],
            plan.Steps.Select(s => s.Change));
        Assert.Equal((4, 3), (plan.MaxPods, plan.MinAvailable));
        Assert.Equal((4, 3), (plan.PeakPods, plan.LowestAvailable));
        AssertWithinBounds(plan);
    }

    [Fact]
    public void Surge_1_unavailable_1_removes_one_old_pod_while_two_new_ones_start()
    {
        var plan = Plan(3, "1", "1");

        Assert.Equal(["3/0", "3/1", "2/1", "2/2", "2/2", "0/2", "0/3", "0/3"], Counts(plan));
        var twoStarting = plan.Steps.Single(s => s.Step == 3);
        Assert.Equal((2, 2, 2), (twoStarting.OldPods, twoStarting.NewPods, twoStarting.UnavailablePods));
        Assert.Equal("●● □□", twoStarting.Chart);
        Assert.Equal((4, 2), (plan.PeakPods, plan.LowestAvailable));
        AssertWithinBounds(plan);
    }

    [Fact]
    public void Steps_say_what_the_controller_does_and_draw_the_pods()
    {
        var plan = Plan(3, "1", "0");

        Assert.Equal(
            ["start: 3 old", "scale up new to 1", "pods become available", "scale down old to 2"],
            plan.Steps.Take(4).Select(s => s.Action));
        Assert.Equal(["●●●", "●●● □", "●●● ■", "●● ■"], plan.Steps.Take(4).Select(s => s.Chart));
        Assert.All(plan.Steps, s => Assert.Equal(plan.Description, s.Plan));
        Assert.Equal("3 replicas, RollingUpdate maxSurge 1 (at most 4 pods), maxUnavailable 0 (at least 3 available)", plan.Description);
    }

    [Fact]
    public void Percentages_of_10_round_surge_up_and_unavailable_down()
    {
        var plan = Plan(10, "25%", "25%");

        Assert.Equal((3, 2), (plan.MaxSurge, plan.MaxUnavailable));
        Assert.Equal((13, 8), (plan.MaxPods, plan.MinAvailable));
        Assert.Equal(["10/0", "10/3", "8/3", "8/5", "8/5", "3/5", "3/10", "3/10", "0/10"], Counts(plan));
        Assert.Equal((13, 8), (plan.PeakPods, plan.LowestAvailable));
        AssertWithinBounds(plan);
    }

    [Fact]
    public void Both_resolving_to_0_allow_one_unavailable_pod()
    {
        var rounded = Plan(3, "0", "10%");
        var explicitZeros = Plan(3, "0", "0");

        foreach (var plan in new[] { rounded, explicitZeros })
        {
            Assert.Equal((0, 1), (plan.MaxSurge, plan.MaxUnavailable));
            Assert.Equal((3, 2), (plan.MaxPods, plan.MinAvailable));
            Assert.Equal(["3/0", "2/0", "2/1", "2/1", "1/1", "1/2", "1/2", "0/2", "0/3", "0/3"], Counts(plan));
            AssertWithinBounds(plan);
        }

        Assert.EndsWith(", 1 unavailable allowed since both resolve to 0", rounded.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surge_of_100_percent_starts_all_new_pods_at_once()
    {
        var plan = Plan(3, "100%", "0");

        Assert.Equal(["3/0", "3/3", "3/3", "0/3"], Counts(plan));
        Assert.Equal(6, plan.PeakPods);
        Assert.Equal("●●● □□□", plan.Steps[1].Chart);
        AssertWithinBounds(plan);
    }

    [Fact]
    public void A_single_replica_with_default_percentages_surges_one_pod()
    {
        var plan = Plan(1, "25%", "25%");

        Assert.Equal((1, 0), (plan.MaxSurge, plan.MaxUnavailable));
        Assert.Equal(["1/0", "1/1", "1/1", "0/1"], Counts(plan));
        AssertWithinBounds(plan);
    }

    [Fact]
    public void Zero_replicas_have_nothing_to_roll_out()
    {
        var plan = Plan(0, "25%", "25%");

        Assert.Equal(["0/0"], Counts(plan));
        Assert.Equal("start: no pods", plan.Steps[0].Action);
        Assert.Equal("(no pods)", plan.Steps[0].Chart);
        Assert.Equal(0, plan.MinAvailable);
    }

    [Fact]
    public void Scaled_to_zero_mid_rollout_removes_the_remaining_pods()
    {
        var plan = Plan(0, "25%", "25%", start: new RolloutPlanState(2, 2, 1, 0));

        Assert.Equal(["2/1", "2/0", "0/0"], Counts(plan));
        Assert.Equal([PlanAction.Start, PlanAction.ScaleDownNew, PlanAction.ScaleDownOld], plan.Steps.Select(s => s.Change));
    }

    [Fact]
    public void A_thousand_replicas_finish_within_the_bounds()
    {
        var plan = Plan(1000, "1", "0");

        Assert.Equal(3001, plan.Steps.Count);
        Assert.Equal((1001, 1000), (plan.PeakPods, plan.LowestAvailable));
        Assert.Equal("●×1000", plan.Steps[0].Chart);
        Assert.Equal("●×1000 □×1", plan.Steps[1].Chart);
        AssertWithinBounds(plan);
    }

    [Fact]
    public void A_thousand_replicas_with_percentages_take_few_steps()
    {
        var plan = Plan(1000, "25%", "25%");

        Assert.True(plan.Steps.Count < 20, $"{plan.Steps.Count} steps");
        Assert.Equal((1250, 750), (plan.PeakPods, plan.LowestAvailable));
        AssertWithinBounds(plan);
    }

    [Fact]
    public void Recreate_removes_all_old_pods_before_any_new_one_starts()
    {
        var plan = Plan(3, "25%", "25%", StrategyType.Recreate);

        Assert.Equal(["3/0", "0/0", "0/3", "0/3"], Counts(plan));
        Assert.Equal(["start: 3 old", "scale down old to 0", "scale up new to 3", "pods become available"], plan.Steps.Select(s => s.Action));
        Assert.Equal(["●●●", "(no pods)", "□□□", "■■■"], plan.Steps.Select(s => s.Chart));
        Assert.Equal((3, 0), (plan.MaxPods, plan.MinAvailable));
        Assert.Equal((3, 0), (plan.PeakPods, plan.LowestAvailable));
        Assert.Equal("3 replicas, Recreate (all old pods go before new ones start)", plan.Description);
    }

    [Fact]
    public void A_rollout_under_way_continues_from_its_pods_and_removes_unavailable_old_pods_first()
    {
        // Two old ReplicaSets' worth of pods, one of them crash-looping: it goes first, without costing availability.
        var plan = Plan(4, "1", "1", start: new RolloutPlanState(3, 2, 2, 2));

        Assert.Equal(["3/2", "1/2", "1/4", "1/4", "0/4"], Counts(plan));
        Assert.Equal("●●○ ■■", plan.Steps[0].Chart);
        Assert.Equal("scale down old to 1", plan.Steps[1].Action);
        Assert.Equal("● ■■", plan.Steps[1].Chart);
        AssertWithinBounds(plan);
    }

    [Fact]
    public void Only_RollingUpdate_and_Recreate_can_be_planned()
    {
        var error = Assert.Throws<KubeRollout.Core.Errors.KubeRolloutException>(() => Plan(3, "1", "0", StrategyType.OnDelete));

        Assert.Equal("PlanInvalid", error.ErrorId);
    }

    [Fact]
    public void Refuses_more_replicas_than_a_cluster_can_run_without_allocating()
    {
        var before = GC.GetTotalAllocatedBytes();

        var error = Assert.Throws<KubeRollout.Core.Errors.KubeRolloutException>(() => Plan(100_000_000, "25%", "25%"));

        Assert.Equal("PlanTooLarge", error.ErrorId);
        Assert.Equal(KubeRollout.Core.Errors.FailureKind.LimitsExceeded, error.Kind);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 10_000_000, "the refusal allocates next to nothing");
    }

    [Fact]
    public void Refuses_a_plan_of_more_steps_than_it_lists()
    {
        var error = Assert.Throws<KubeRollout.Core.Errors.KubeRolloutException>(() => Plan(RolloutPlanner.MaxReplicas, "1", "0"));

        Assert.Equal("PlanTooLarge", error.ErrorId);
        Assert.Contains("-MaxSurge", error.Message);
    }

    [Fact]
    public void Plans_the_largest_allowed_deployment_in_few_steps_with_percentages()
    {
        var plan = Plan(RolloutPlanner.MaxReplicas, "25%", "25%");

        Assert.InRange(plan.Steps.Count, 3, 20);
        AssertWithinBounds(plan);
    }
}
