using k8s.Models;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Deployments;
using static KubeRollout.Core.Tests.Rollouts.DeploymentBuilder;

namespace KubeRollout.Core.Tests.Rollouts;

public class DeploymentStatusEvaluatorTests
{
    private static V1DeploymentStatus Status(int replicas, int updated, int available, string? progressingReason = null) => new()
    {
        ObservedGeneration = 2,
        Replicas = replicas,
        UpdatedReplicas = updated,
        AvailableReplicas = available,
        ReadyReplicas = available,
        Conditions = progressingReason is null ? null : [new V1DeploymentCondition { Type = "Progressing", Status = "False", Reason = progressingReason }],
    };

    [Theory]
    [InlineData(3, 1, 3, RolloutState.Progressing, "Waiting for deployment \"vweb\" rollout to finish: 1 out of 3 new replicas have been updated...")]
    [InlineData(4, 3, 2, RolloutState.Progressing, "Waiting for deployment \"vweb\" rollout to finish: 1 old replicas are pending termination...")]
    [InlineData(3, 3, 2, RolloutState.Progressing, "Waiting for deployment \"vweb\" rollout to finish: 2 of 3 updated replicas are available...")]
    [InlineData(3, 3, 3, RolloutState.Complete, "deployment \"vweb\" successfully rolled out")]
    public void Gives_kubectls_message_in_kubectls_order(int replicas, int updated, int available, RolloutState state, string message)
    {
        var status = DeploymentStatusEvaluator.Evaluate(Deployment("v2", generation: 2, status: Status(replicas, updated, available)));

        Assert.Equal(message, status.Message);
        Assert.Equal(state, status.State);
        Assert.Equal(replicas - updated, status.OldReplicas);
    }

    [Fact]
    public void An_unobserved_change_waits_for_the_controller()
    {
        var status = DeploymentStatusEvaluator.Evaluate(Deployment("v2", generation: 3, status: Status(3, 3, 3)));

        Assert.Equal("Waiting for deployment spec update to be observed...", status.Message);
        Assert.Equal(RolloutState.Pending, status.State);
        Assert.False(status.IsFinal);
    }

    [Fact]
    public void A_progress_deadline_is_a_failure_before_anything_else()
    {
        var status = DeploymentStatusEvaluator.Evaluate(Deployment("v2", generation: 2, status: Status(4, 1, 3, "ProgressDeadlineExceeded")));

        Assert.Equal("deployment \"vweb\" exceeded its progress deadline", status.Message);
        Assert.Equal((RolloutState.Failed, "ProgressDeadlineExceeded"), (status.State, status.Reason));
        Assert.True(status.IsFinal);
    }

    [Fact]
    public void A_paused_incomplete_rollout_is_paused_with_kubectls_message()
    {
        var status = DeploymentStatusEvaluator.Evaluate(Deployment("v2", generation: 2, paused: true, status: Status(3, 0, 3)));

        Assert.Equal(RolloutState.Paused, status.State);
        Assert.Equal("Waiting for deployment \"vweb\" rollout to finish: 0 out of 3 new replicas have been updated...", status.Message);
    }

    [Fact]
    public void Reports_the_revision_it_is_given()
    {
        var status = DeploymentStatusEvaluator.Evaluate(Deployment("v2", generation: 2, status: Status(3, 3, 3)), currentRevision: 3);

        Assert.Equal(3, status.Revision);
    }
}
