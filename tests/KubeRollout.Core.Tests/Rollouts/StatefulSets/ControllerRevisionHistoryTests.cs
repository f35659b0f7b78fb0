using k8s.Models;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.ControllerRevisions;
using KubeRollout.Core.Workloads;
using static KubeRollout.Core.Tests.Rollouts.StatefulSets.StatefulSetBuilder;

namespace KubeRollout.Core.Tests.Rollouts.StatefulSets;

public class ControllerRevisionHistoryTests
{
    private static readonly V1StatefulSet Live = StatefulSet("postgres:11.8-alpine", status: new V1StatefulSetStatus { ObservedGeneration = 1, Replicas = 2, UpdateRevision = "todo-db-b" });

    private static readonly V1ControllerRevision[] Revisions =
    [
        Revision("b", "postgres:11.8-alpine", 2, cause: "11.8"),
        Revision("a", "postgres:11.6-alpine", 1),
        Revision("x", "postgres:9", 7, owner: "someone-else"),
    ];

    private static IReadOnlyList<Core.Rollouts.RolloutRevision> History() =>
        ControllerRevisionHistory.From(WorkloadKind.StatefulSet, Live, Live.Spec.Selector, Live.Spec.Template, Revisions, Live.Status.UpdateRevision);

    [Fact]
    public void Lists_the_owned_revisions_by_number_with_cause_template_and_current()
    {
        var history = History();

        Assert.Equal([1L, 2L], history.Select(r => r.Revision));
        Assert.Equal([null, "11.8"], history.Select(r => r.ChangeCause));
        Assert.Equal(["postgres:11.6-alpine"], history[0].Images);
        Assert.Equal([false, true], history.Select(r => r.IsCurrent));
        Assert.Equal("todo-db-a", history[0].Source);
    }

    [Fact]
    public void Applies_the_data_onto_the_live_object_replacing_the_template()
    {
        var live = StatefulSet("postgres:11.8-alpine");
        live.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["only-live"] = "x" };
        live.Spec.Template.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "busybox" });

        var history = ControllerRevisionHistory.From(WorkloadKind.StatefulSet, live, live.Spec.Selector, live.Spec.Template, [Revision("a", "postgres:11.6-alpine", 1)]);

        var template = history[0].PodTemplate;
        Assert.Null(template.Metadata.Annotations);
        Assert.Equal(["db"], template.Spec.Containers.Select(c => c.Name));
        Assert.Equal("todo-db", template.Metadata.Labels["app"]);
    }

    [Fact]
    public void Without_an_update_revision_the_current_is_the_newest_with_the_live_template()
    {
        var live = StatefulSet("postgres:11.6-alpine");
        var history = ControllerRevisionHistory.From(WorkloadKind.DaemonSet, live, live.Spec.Selector, live.Spec.Template, Revisions);

        Assert.Equal([true, false], history.Select(r => r.IsCurrent));
    }

    [Fact]
    public void Undo_picks_the_second_highest_revision_and_sends_its_data()
    {
        var data = Revisions.ToDictionary(r => r.Metadata.Name, r => RevisionData.Parse(r).ToJsonString());

        var plan = ControllerRevisionRollbackPlanner.Plan("statefulset.apps/todo-db", Live.Spec.Template, History(), data, 0);

        Assert.False(plan.Skip);
        Assert.Equal("rolled back", plan.Message);
        Assert.Equal(1, plan.Target.Revision);
        Assert.Equal(2, plan.Current?.Revision);
        Assert.Contains("\"$patch\":\"replace\"", plan.Patch, StringComparison.Ordinal);
        Assert.Contains(plan.Changes, c => c.Field == "spec.containers[db].image" && c.To == "postgres:11.6-alpine");
    }

    [Fact]
    public void Undo_to_the_current_template_is_skipped_with_kubectls_message()
    {
        var plan = ControllerRevisionRollbackPlanner.Plan("statefulset.apps/todo-db", Live.Spec.Template, History(), new Dictionary<string, string>(), 2);

        Assert.True(plan.Skip);
        Assert.Equal("skipped rollback (current template already matches revision 2)", plan.Message);
    }

    [Theory]
    [InlineData(9, "RevisionNotFound", "unable to find specified revision 9 in history")]
    [InlineData(-1, "RevisionNotFound", "unable to find specified revision -1 in history")]
    public void Undo_refuses_revisions_not_in_the_history(long revision, string id, string message)
    {
        var error = Assert.Throws<KubeRolloutException>(() => ControllerRevisionRollbackPlanner.SelectTarget("statefulset.apps/todo-db", History(), revision));

        Assert.Equal(id, error.ErrorId);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Undo_with_one_revision_has_no_last_revision()
    {
        var error = Assert.Throws<KubeRolloutException>(() => ControllerRevisionRollbackPlanner.SelectTarget("daemonset.apps/todo-proxy", History().Take(1).ToList(), 0));

        Assert.Equal("NoRolloutHistory", error.ErrorId);
        Assert.Equal("no last revision to roll back to", error.Message);
    }
}
