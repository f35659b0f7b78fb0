using k8s.Models;
using KubeRollout.Core.Rollouts.Pods;

namespace KubeRollout.Core.Tests.Rollouts.StatefulSets;

public class WorkloadAvailabilityTests
{
    [Theory]
    [InlineData(3, 3, true, true)]
    [InlineData(3, 2, true, false)]   // another pod (or the target) is Ready but not yet past minReadySeconds
    [InlineData(3, 2, false, true)]   // the one unavailable pod is the target itself, which is not Ready
    [InlineData(3, 1, false, false)]  // a second pod is out of service
    public void Lets_a_pod_go_only_while_every_other_pod_is_available(int desired, int available, bool targetReady, bool allowed)
    {
        var status = DaemonSet(desired, available, updated: 0);

        Assert.Equal(allowed, WorkloadAvailability.Of(status).OthersAvailable(targetReady));
    }

    [Fact]
    public void Counts_a_replacement_only_once_it_is_at_the_update_revision_and_every_pod_is_available()
    {
        var updatedBefore = 1;

        Assert.False(WorkloadAvailability.Of(DaemonSet(3, 3, updated: 1)).ReplacementAvailable(updatedBefore)); // status from before the deletion
        Assert.False(WorkloadAvailability.Of(DaemonSet(3, 2, updated: 2)).ReplacementAvailable(updatedBefore)); // Ready, minReadySeconds not over
        Assert.True(WorkloadAvailability.Of(DaemonSet(3, 3, updated: 2)).ReplacementAvailable(updatedBefore));
    }

    [Fact]
    public void Reads_nothing_from_a_status_the_controller_has_not_updated_for_the_latest_spec()
    {
        var stale = DaemonSet(3, 3, updated: 3);
        stale.Metadata.Generation = 5;

        Assert.False(WorkloadAvailability.Of(stale).OthersAvailable(targetReady: true));
        Assert.False(WorkloadAvailability.Of(stale).ReplacementAvailable(0));
    }

    [Fact]
    public void Reads_a_StatefulSet_by_its_replicas_and_says_what_it_counts()
    {
        var statefulSet = new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Generation = 2 },
            Spec = new V1StatefulSetSpec { Replicas = 3, MinReadySeconds = 90 },
            Status = new V1StatefulSetStatus { ObservedGeneration = 2, AvailableReplicas = 2, UpdatedReplicas = 1 },
        };

        var availability = WorkloadAvailability.Of(statefulSet);

        Assert.Equal(1, availability.Unavailable);
        Assert.Equal("2 of 3 pods available (Ready for minReadySeconds 90)", availability.ToString());
    }

    private static V1DaemonSet DaemonSet(int desired, int available, int updated) => new()
    {
        Metadata = new V1ObjectMeta { Generation = 4 },
        Spec = new V1DaemonSetSpec { MinReadySeconds = 90 },
        Status = new V1DaemonSetStatus { ObservedGeneration = 4, DesiredNumberScheduled = desired, NumberAvailable = available, UpdatedNumberScheduled = updated },
    };
}
