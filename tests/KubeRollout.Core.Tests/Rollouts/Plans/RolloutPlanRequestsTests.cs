using k8s.Models;
using KubeRollout.Core.Rollouts.Plans;
using KubeRollout.Core.Rollouts.Strategies;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Rollouts.Plans;

public class RolloutPlanRequestsTests
{
    private static readonly WorkloadReference Vweb = new(WorkloadKind.Deployment, "default", "vweb");

    private static V1Deployment Deployment(string type = "RollingUpdate", bool paused = false)
    {
        var deployment = DeploymentBuilder.Deployment("kiamol/ch09-vweb:v2", replicas: 3, paused: paused);
        deployment.Spec.Strategy = new V1DeploymentStrategy
        {
            Type = type,
            RollingUpdate = type == "RollingUpdate" ? new V1RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 } : null,
        };
        return deployment;
    }

    private static V1ReplicaSet ReplicaSet(string hash, string image, long revision, int replicas, int available, int minutesAgo)
    {
        var rs = DeploymentBuilder.ReplicaSet(hash, image, revision, replicas, minutesAgo: minutesAgo);
        rs.Status = new V1ReplicaSetStatus { Replicas = replicas, AvailableReplicas = available };
        return rs;
    }

    [Fact]
    public void Parameters_default_to_25_percent_each()
    {
        var request = RolloutPlanRequests.FromParameters(4, new RolloutPlanOverrides());

        Assert.Equal((StrategyType.RollingUpdate, "25%", "25%"), (request.Strategy, request.MaxSurge.ToString(), request.MaxUnavailable.ToString()));
        Assert.Equal(new RolloutPlanState(4, 4, 0, 0), request.Start);
    }

    [Fact]
    public void Parameters_are_checked_as_the_api_checks_a_deployment()
    {
        var zeros = Assert.Throws<StrategyInvalidException>(() => RolloutPlanRequests.FromParameters(3, new RolloutPlanOverrides { MaxSurge = "0", MaxUnavailable = "0" }));
        var recreate = Assert.Throws<StrategyInvalidException>(() => RolloutPlanRequests.FromParameters(3, new RolloutPlanOverrides { Strategy = StrategyType.Recreate, MaxSurge = "1" }));

        Assert.Equal("The strategy is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0", zeros.Message);
        Assert.Equal("The strategy is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'", recreate.Message);
        Assert.Null(zeros.Target);
    }

    [Fact]
    public void A_complete_deployment_plans_its_next_rollout_from_all_current_pods()
    {
        var replicaSets = new[]
        {
            ReplicaSet("aaa", "kiamol/ch09-vweb:v1", 1, replicas: 0, available: 0, minutesAgo: 20),
            ReplicaSet("bbb", "kiamol/ch09-vweb:v2", 2, replicas: 3, available: 3, minutesAgo: 10),
        };

        var (request, warnings) = RolloutPlanRequests.ForDeployment(Vweb, Deployment(), replicaSets, new RolloutPlanOverrides());

        Assert.Equal(new RolloutPlanState(3, 3, 0, 0), request.Start);
        Assert.Equal((3, "1", "0"), (request.Replicas, request.MaxSurge.ToString(), request.MaxUnavailable.ToString()));
        Assert.Equal("deployment.apps/vweb, next rollout", request.Source);
        Assert.Empty(warnings);
        Assert.StartsWith("deployment.apps/vweb, next rollout: 3 replicas, RollingUpdate maxSurge 1", RolloutPlanner.Plan(request).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollout_under_way_continues_from_the_pods_of_old_and_new_replica_sets()
    {
        var replicaSets = new[]
        {
            ReplicaSet("aaa", "kiamol/ch09-vweb:v1", 1, replicas: 2, available: 2, minutesAgo: 20),
            ReplicaSet("bbb", "kiamol/ch09-vweb:v2", 2, replicas: 2, available: 1, minutesAgo: 1),
            ReplicaSet("ccc", "kiamol/ch09-vweb:v3", 3, replicas: 0, available: 0, minutesAgo: 30),
        };

        var (request, warnings) = RolloutPlanRequests.ForDeployment(Vweb, Deployment(), replicaSets, new RolloutPlanOverrides());

        Assert.Equal(new RolloutPlanState(2, 2, 2, 1), request.Start);
        Assert.Equal("deployment.apps/vweb, rollout in progress", request.Source);
        Assert.Equal(["A rollout of deployment.apps/vweb is under way: the plan continues it from its current pods (2 old, 2 new)."], warnings);
    }

    [Fact]
    public void Overrides_replace_the_deployments_own_settings_and_amounts_mean_RollingUpdate()
    {
        var replicaSets = new[] { ReplicaSet("bbb", "kiamol/ch09-vweb:v2", 2, replicas: 3, available: 3, minutesAgo: 10) };

        var (request, _) = RolloutPlanRequests.ForDeployment(Vweb, Deployment("Recreate"), replicaSets, new RolloutPlanOverrides { MaxSurge = "2", Replicas = 6 });

        Assert.Equal((StrategyType.RollingUpdate, 6, "2", "25%"), (request.Strategy, request.Replicas, request.MaxSurge.ToString(), request.MaxUnavailable.ToString()));
    }

    [Fact]
    public void A_paused_deployment_is_planned_with_a_warning()
    {
        var replicaSets = new[] { ReplicaSet("bbb", "kiamol/ch09-vweb:v2", 2, replicas: 3, available: 3, minutesAgo: 10) };

        var (request, warnings) = RolloutPlanRequests.ForDeployment(Vweb, Deployment("Recreate", paused: true), replicaSets, new RolloutPlanOverrides());

        Assert.Equal(StrategyType.Recreate, request.Strategy);
        Assert.Equal(["deployment.apps/vweb is paused: no rollout moves until it is resumed (Resume-KubeRollout)."], warnings);
    }
}
