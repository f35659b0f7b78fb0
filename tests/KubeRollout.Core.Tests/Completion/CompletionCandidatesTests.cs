using KubeRollout.Core.Completion;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Completion;

public sealed class CompletionCandidatesTests
{
    private static readonly Dictionary<WorkloadKind, IReadOnlyList<string>> Cluster = new()
    {
        [WorkloadKind.Deployment] = ["vweb", "api"],
        [WorkloadKind.StatefulSet] = ["todo-db", "vault"],
        [WorkloadKind.DaemonSet] = ["todo-proxy"],
    };

    private static IReadOnlyList<CompletionCandidate> Names(string word, WorkloadKind defaultKind = WorkloadKind.Deployment, WorkloadKind? given = null, params WorkloadKind[] accepted) =>
        CompletionCandidates.WorkloadNames(word, defaultKind, accepted.Length == 0 ? WorkloadSelector.AllKinds : accepted, given, k => Cluster[k]);

    [Fact]
    public void Bare_names_are_of_the_default_kind_and_the_other_kinds_come_as_type_slash_name()
    {
        var offered = Names("v");

        Assert.Equal(["vweb", "sts/vault"], offered.Select(c => c.Text));
        Assert.Equal(["Deployment vweb", "sts/vault"], offered.Select(c => c.ToolTip));
    }

    [Fact]
    public void A_type_prefix_offers_that_kind_in_any_spelling_and_an_unknown_one_nothing()
    {
        Assert.Equal(["sts/todo-db"], Names("sts/t").Select(c => c.Text));
        Assert.Equal(["ds/todo-proxy"], Names("'ds/").Select(c => c.Text));
        Assert.Equal(["statefulset.apps/vault"], Names("statefulset.apps/v").Select(c => c.Text));
        Assert.Empty(Names("pods/"));
    }

    [Fact]
    public void Kind_given_or_a_command_of_one_kind_narrows_the_names()
    {
        Assert.Equal(["StatefulSet todo-db"], Names("t", given: WorkloadKind.StatefulSet).Select(c => c.ToolTip));
        Assert.Equal(["todo-db", "vault"], Names(string.Empty, WorkloadKind.StatefulSet, null, WorkloadKind.StatefulSet).Select(c => c.Text));
    }

    [Fact]
    public void Revisions_are_offered_for_exact_names_newest_first_with_the_current_one_marked()
    {
        RolloutRevision Revision(long number, bool current, string? cause) =>
            new() { Kind = WorkloadKind.Deployment, Namespace = "ns", Name = "vweb", Revision = number, IsCurrent = current, ChangeCause = cause, Images = ["nginx:1.27"], Source = $"vweb-{number}", PodTemplate = new() };

        var offered = CompletionCandidates.Revisions("1", [Revision(12, true, "v2"), Revision(11, false, null), Revision(2, false, "v1")]);

        Assert.Equal(["12", "11"], offered.Select(c => c.Text));
        Assert.Equal(["12 (current)", "11"], offered.Select(c => c.ListItemText));
        Assert.Equal("revision 11: nginx:1.27; <none>", offered[1].ToolTip);
        Assert.Equal(new WorkloadReference(WorkloadKind.StatefulSet, string.Empty, "db"), CompletionCandidates.RevisionsOf("sts/db", WorkloadKind.Deployment));
        Assert.Null(CompletionCandidates.RevisionsOf("web*", WorkloadKind.Deployment));
        Assert.Null(CompletionCandidates.RevisionsOf("pods/x", WorkloadKind.Deployment));
        Assert.Null(CompletionCandidates.RevisionsOf(null, WorkloadKind.Deployment));
    }
}
