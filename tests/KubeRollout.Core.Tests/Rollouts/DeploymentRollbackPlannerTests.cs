using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Deployments;
using KubeRollout.Core.Rollouts.Templates;
using static KubeRollout.Core.Tests.Rollouts.DeploymentBuilder;

namespace KubeRollout.Core.Tests.Rollouts;

public class DeploymentRollbackPlannerTests
{
    private static readonly IReadOnlyList<Core.Rollouts.RolloutRevision> History = DeploymentHistory.From(
        Deployment("v3"),
        [ReplicaSet("a1", "v1", 1, cause: "v1"), ReplicaSet("b2", "v2", 2, cause: "v2"), ReplicaSet("c3", "v3", 3, cause: "v3", replicas: 3)]);

    [Fact]
    public void The_default_target_is_the_second_highest_revision()
    {
        var plan = DeploymentRollbackPlanner.Plan(Deployment("v3"), History, 0);

        Assert.Equal(2, plan.Target.Revision);
        Assert.Equal(3, plan.Current!.Revision);
        Assert.False(plan.Skip);
        Assert.Equal("rolled back", plan.Message);
        Assert.Equal("v2", plan.Template.Spec.Containers[0].Image);
        Assert.False(plan.Template.Metadata.Labels.ContainsKey("pod-template-hash"));
    }

    [Fact]
    public void Annotations_keep_the_skip_keys_of_the_deployment_and_take_the_rest_from_the_revision()
    {
        var plan = DeploymentRollbackPlanner.Plan(Deployment("v3"), History, 1);

        Assert.Equal("v1", plan.Annotations["kubernetes.io/change-cause"]);
        Assert.Equal("3", plan.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("{\"v\":3}", plan.Annotations["kubectl.kubernetes.io/last-applied-configuration"]);
        var change = Assert.Single(plan.Changes);
        Assert.Equal((TemplateChangeKind.Changed, "spec.containers[web].image", "v3", "v1"), (change.Kind, change.Field, change.From, change.To));
    }

    [Fact]
    public void A_matching_template_is_skipped_with_kubectls_message()
    {
        var plan = DeploymentRollbackPlanner.Plan(Deployment("v2"), History, 2);

        Assert.True(plan.Skip);
        Assert.Equal("skipped rollback (current template already matches revision 2)", plan.Message);
    }

    [Theory]
    [InlineData(7, "RevisionNotFound", "unable to find specified revision 7 in history")]
    [InlineData(-1, "RevisionNotFound", "unable to find specified revision -1 in history")]
    public void Unknown_or_negative_revisions_are_refused(long revision, string errorId, string message)
    {
        var error = Assert.Throws<KubeRolloutException>(() => DeploymentRollbackPlanner.Plan(Deployment("v3"), History, revision));

        Assert.Equal((errorId, message), (error.ErrorId, error.Message));
    }

    [Fact]
    public void A_single_revision_has_no_previous_one()
    {
        var history = DeploymentHistory.From(Deployment("v1"), [ReplicaSet("a1", "v1", 1)]);

        var error = Assert.Throws<KubeRolloutException>(() => DeploymentRollbackPlanner.Plan(Deployment("v1"), history, 0));

        Assert.Equal(("NoRolloutHistory", "no rollout history found for deployment \"vweb\""), (error.ErrorId, error.Message));
    }

    [Fact]
    public void A_paused_deployment_is_refused_but_can_be_previewed()
    {
        var paused = Deployment("v3", paused: true);

        var error = Assert.Throws<KubeRolloutException>(() => DeploymentRollbackPlanner.Plan(paused, History, 0));
        var preview = DeploymentRollbackPlanner.Plan(paused, History, 0, checkPaused: false);

        Assert.Equal("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again", error.Message);
        Assert.Equal(2, preview.Target.Revision);
    }

    [Fact]
    public void ApplyTo_changes_only_template_and_annotations()
    {
        var deployment = Deployment("v3");
        var plan = DeploymentRollbackPlanner.Plan(deployment, History, 1);

        var undone = DeploymentRollbackPlanner.ApplyTo(deployment, plan);

        Assert.Equal("v1", undone.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(3, undone.Spec.Replicas);
        Assert.Equal("v3", deployment.Spec.Template.Spec.Containers[0].Image);
    }
}
