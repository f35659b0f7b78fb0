using k8s.Models;
using KubeRollout.Sandbox.Controllers.Deployments;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class RolloutMathTests
{
    [Theory]
    [InlineData(3, null, null, 1, 0)]
    [InlineData(10, null, null, 3, 2)]
    [InlineData(3, "1", "0", 1, 0)]
    [InlineData(1, "0", "10%", 0, 1)]
    [InlineData(10, "3", "2", 3, 2)]
    public void Fenceposts_round_surge_up_and_unavailable_down(int replicas, string? surge, string? unavailable, int expectedSurge, int expectedUnavailable)
    {
        var d = Manifests.Deployment("d", replicas: replicas, maxSurge: surge, maxUnavailable: unavailable);

        Assert.Equal((expectedSurge, expectedUnavailable), DeploymentSpecs.ResolveFenceposts(d));
    }

    [Fact]
    public void Missing_fields_take_the_api_defaults()
    {
        var d = new V1Deployment { Metadata = new V1ObjectMeta { Name = "d" }, Spec = new V1DeploymentSpec() };

        Assert.Equal(1, DeploymentSpecs.Replicas(d));
        Assert.Equal("RollingUpdate", DeploymentSpecs.StrategyType(d));
        Assert.Equal(10, DeploymentSpecs.RevisionHistoryLimit(d));
        Assert.Equal(600, DeploymentSpecs.ProgressDeadlineSeconds(d));
        Assert.Equal((1, 0), DeploymentSpecs.ResolveFenceposts(d));
        Assert.Equal(0, DeploymentSpecs.MaxSurge(Manifests.Deployment("r", strategy: "Recreate")));
    }

    [Fact]
    public void Proportions_follow_the_documented_example()
    {
        // 10 replicas, maxSurge 3: old ReplicaSet at 8, new at 5; scaled to 15 → 5 more: 3 old, 2 new.
        var d = Manifests.Deployment("d", replicas: 15, maxSurge: "3", maxUnavailable: "2");
        var old = ReplicaSet(8, maxReplicas: 13);
        var @new = ReplicaSet(5, maxReplicas: 13);

        var toOld = RolloutMath.Proportion(old, d, toAdd: 5, added: 0);
        var toNew = RolloutMath.Proportion(@new, d, toAdd: 5, added: toOld);

        Assert.Equal((3, 2), (toOld, toNew));
    }

    [Fact]
    public void The_new_replica_set_grows_within_the_surge()
    {
        var d = Manifests.Deployment("d", replicas: 3, maxSurge: "1", maxUnavailable: "0");
        var old = ReplicaSet(3, maxReplicas: 4);
        var @new = ReplicaSet(0, maxReplicas: 4);

        Assert.Equal(1, RolloutMath.NewReplicaSetReplicas(d, [old, @new], @new));
        Assert.Equal(3, RolloutMath.NewReplicaSetReplicas(Manifests.Deployment("r", replicas: 3, strategy: "Recreate"), [old, @new], @new));
    }

    private static V1ReplicaSet ReplicaSet(int replicas, int maxReplicas) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"rs-{Guid.NewGuid():N}",
            Uid = Guid.NewGuid().ToString(),
            Annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/max-replicas"] = maxReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
        Spec = new V1ReplicaSetSpec { Replicas = replicas },
    };
}
