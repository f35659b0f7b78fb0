using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Rollouts;

public sealed class UndoDescriptionTests
{
    [Fact]
    public void A_planned_undo_names_both_revisions_and_every_template_change()
    {
        var plan = new UndoResult
        {
            Kind = WorkloadKind.StatefulSet,
            Namespace = "ns",
            Name = "db",
            FromRevision = 3,
            ToRevision = 2,
            DryRun = true,
            Message = "rolled back (dry run)",
            Changes = [new TemplateChange(TemplateChangeKind.Changed, "spec.template.spec.containers[db].image", "db:3", "db:2")],
        };

        Assert.Equal(
            "statefulset.apps/db in namespace ns: roll back from revision 3 to revision 2" + Environment.NewLine + "    ~ spec.template.spec.containers[db].image: db:3 -> db:2",
            UndoDescription.Of(plan));
    }

    [Fact]
    public void A_skipped_undo_says_kubectls_reason()
    {
        var plan = new UndoResult { Kind = WorkloadKind.Deployment, Namespace = "ns", Name = "web", ToRevision = 2, Skipped = true, Message = "skipped rollback (current template already matches revision 2)" };

        Assert.Equal("deployment.apps/web in namespace ns: skipped rollback (current template already matches revision 2)", UndoDescription.Of(plan));
    }

    [Fact]
    public void One_revision_is_found_by_number_and_a_missing_or_negative_one_is_refused_as_kubectl_does()
    {
        var workload = new WorkloadReference(WorkloadKind.Deployment, "ns", "web");
        RolloutRevision Revision(long number) => new() { Kind = WorkloadKind.Deployment, Namespace = "ns", Name = "web", Revision = number, Images = [], Source = $"web-{number}", PodTemplate = new() };
        var history = new[] { Revision(1), Revision(3) };

        Assert.Equal("web-3", RevisionSelection.Find(history, 3, workload).Source);
        var missing = Assert.Throws<KubeRolloutException>(() => RevisionSelection.Find(history, 2, workload));
        Assert.Equal(("RevisionNotFound", "unable to find the specified revision"), (missing.ErrorId, missing.Message));
        var negative = Assert.Throws<KubeRolloutException>(() => RevisionSelection.RequireValid(-1));
        Assert.Equal(("RevisionInvalid", FailureKind.InvalidArgument), (negative.ErrorId, negative.Kind));
        RevisionSelection.RequireValid(0);
    }
}
