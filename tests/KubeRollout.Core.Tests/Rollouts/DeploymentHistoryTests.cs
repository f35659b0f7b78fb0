using KubeRollout.Core.Rollouts.Deployments;
using static KubeRollout.Core.Tests.Rollouts.DeploymentBuilder;

namespace KubeRollout.Core.Tests.Rollouts;

public class DeploymentHistoryTests
{
    [Fact]
    public void Lists_owned_replica_sets_by_revision_with_causes_and_the_current_one()
    {
        var deployment = Deployment("v1");
        var replicaSets = new[]
        {
            ReplicaSet("c3", "v3", 4, cause: "v3", minutesAgo: 1),
            ReplicaSet("a1", "v1", 5, replicas: 3, history: "1,3", minutesAgo: 20),
            ReplicaSet("b2", "v2", 2, cause: "v2 release", minutesAgo: 10),
            ReplicaSet("zz", "v9", 9, owner: "someone-else"),
        };

        var history = DeploymentHistory.From(deployment, replicaSets);

        Assert.Equal([2L, 4L, 5L], history.Select(r => r.Revision));
        Assert.Equal(["v2 release", "v3", null], history.Select(r => r.ChangeCause));
        Assert.Equal("vweb-a1", Assert.Single(history, r => r.IsCurrent).Source);
        Assert.Equal([1L, 3L], history[2].PreviousRevisions);
        Assert.Equal(["v2"], history[0].Images);
    }

    [Fact]
    public void A_missing_revision_reads_as_zero_and_an_unparsable_one_is_skipped_with_a_warning()
    {
        var missing = ReplicaSet("a1", "v1", 1);
        missing.Metadata.Annotations.Clear();
        var broken = ReplicaSet("b2", "v2", 2);
        broken.Metadata.Annotations["deployment.kubernetes.io/revision"] = "two";
        var warnings = new List<string>();

        var history = DeploymentHistory.From(Deployment("v1"), [missing, broken], warnings.Add);

        Assert.Equal(0, Assert.Single(history).Revision);
        Assert.Contains("vweb-b2", Assert.Single(warnings), StringComparison.Ordinal);
    }
}
