using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.StatefulSets;

public sealed class StatefulSetRolloutTests
{
    [Fact]
    public async Task Pods_are_created_in_order_with_identity_and_claims()
    {
        await using var cluster = new TestCluster();
        var created = new List<string>();
        void Record(StoreEvent e)
        {
            if (e.Type == WatchEventType.Added && e.Object is V1Pod pod && AppOf(pod) == "db")
            {
                lock (created)
                {
                    // Each pod must only appear once all lower ordinals are Running and Ready.
                    var notReady = cluster.ActivePods("app=db").Where(p => p.Metadata.Name != pod.Metadata.Name && !IsReady(p)).Select(p => p.Metadata.Name).ToList();
                    created.Add(notReady.Count == 0 ? pod.Metadata.Name : $"{pod.Metadata.Name} while {string.Join(",", notReady)} not ready");
                }
            }
        }

        cluster.Store.Changed += Record;
        cluster.Registry.Create(StatefulSetManifests.StatefulSet("db", 3, withClaim: true), "test");
        await cluster.WaitForPartitionedRolloutAsync("db");
        cluster.Store.Changed -= Record;

        Assert.Equal(["db-0", "db-1", "db-2"], created);
        var set = cluster.StatefulSet("db");
        Assert.Equal(3, set.Status.AvailableReplicas);
        Assert.Equal(set.Status.CurrentRevision, set.Status.UpdateRevision);
        var revision = Assert.Single(cluster.RevisionsOf("db"));
        Assert.Equal(revision.Metadata.Name, set.Status.UpdateRevision);
        Assert.Equal(1, revision.Revision);
        Assert.StartsWith("db-", revision.Metadata.Name);
        Assert.Equal(revision.Metadata.Name, "db-" + revision.Metadata.Labels["controller-revision-hash"]);
        var pod1 = cluster.Registry.Get<V1Pod>(TestCluster.Namespace, "db-1")!;
        Assert.Equal("db-1", pod1.Spec.Hostname);
        Assert.Equal("db", pod1.Spec.Subdomain);
        Assert.Equal("db-1", pod1.Metadata.Labels["statefulset.kubernetes.io/pod-name"]);
        Assert.Equal(revision.Metadata.Name, pod1.Metadata.Labels["controller-revision-hash"]);
        Assert.Equal("data-db-1", pod1.Spec.Volumes.Single(v => v.Name == "data").PersistentVolumeClaim.ClaimName);
        var claim = cluster.Registry.Get<V1PersistentVolumeClaim>(TestCluster.Namespace, "data-db-1")!;
        Assert.Equal("Bound", claim.Status.Phase);
        Assert.Equal("db", claim.Metadata.Labels["app"]);
        Assert.Null(claim.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Partition_3_of_5_updates_pods_4_then_3_and_lowering_it_updates_the_rest()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(StatefulSetManifests.StatefulSet("db", 5, partition: 3), "test");
        await cluster.WaitForPartitionedRolloutAsync("db");
        var oldRevision = cluster.StatefulSet("db").Status.CurrentRevision;

        var deleted = new List<string>();
        void Record(StoreEvent e)
        {
            if (e.Object is V1Pod pod && AppOf(pod) == "db" && e.Type == WatchEventType.Modified
                && pod.Metadata.DeletionTimestamp is not null && !deleted.Contains(pod.Metadata.Name))
            {
                deleted.Add(pod.Metadata.Name);
            }
        }

        cluster.Store.Changed += Record;
        cluster.Modify<V1StatefulSet>("db", s => s.Spec.Template.Spec.Containers[0].Image = "postgres:11.8-alpine");
        await cluster.WaitUntilAsync(() => cluster.StatefulSet("db").Status is { UpdatedReplicas: 2, ReadyReplicas: 5 }, "pods 4 and 3 are updated");
        await cluster.PassSimulatedTime(TimeSpan.FromSeconds(30));

        var set = cluster.StatefulSet("db");
        Assert.Equal(["db-4", "db-3"], deleted);
        Assert.Equal(oldRevision, set.Status.CurrentRevision);
        Assert.NotEqual(oldRevision, set.Status.UpdateRevision);
        Assert.Equal(3, set.Status.CurrentReplicas);
        var byName = cluster.ActivePods("app=db").ToDictionary(p => p.Metadata.Name, StatefulSetTestCluster.RevisionLabel);
        Assert.Equal(set.Status.UpdateRevision, byName["db-4"]);
        Assert.Equal(set.Status.UpdateRevision, byName["db-3"]);
        Assert.All(new[] { "db-0", "db-1", "db-2" }, name => Assert.Equal(oldRevision, byName[name]));
        Assert.Equal(
            ["postgres:11.6-alpine", "postgres:11.6-alpine", "postgres:11.6-alpine", "postgres:11.8-alpine", "postgres:11.8-alpine"],
            cluster.ActivePods("app=db").OrderBy(p => p.Metadata.Name).Select(p => p.Spec.Containers[0].Image));

        cluster.Modify<V1StatefulSet>("db", s => s.Spec.UpdateStrategy.RollingUpdate.Partition = 0);
        await cluster.WaitUntilAsync(() => cluster.StatefulSet("db").Status is { UpdatedReplicas: 5, ReadyReplicas: 5 } s && s.CurrentRevision == s.UpdateRevision, "all pods are updated");
        cluster.Store.Changed -= Record;

        Assert.Equal(["db-4", "db-3", "db-2", "db-1", "db-0"], deleted);
        Assert.All(cluster.ActivePods("app=db"), p => Assert.Equal("postgres:11.8-alpine", p.Spec.Containers[0].Image));
    }

    [Fact]
    public async Task OnDelete_replaces_only_the_pods_the_user_deletes()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(StatefulSetManifests.StatefulSet("db", 3, strategy: "OnDelete"), "test");
        await cluster.WaitForPartitionedRolloutAsync("db");

        cluster.Modify<V1StatefulSet>("db", s => s.Spec.Template.Spec.Containers[0].Image = "postgres:11.8-alpine");
        await cluster.WaitUntilAsync(() => cluster.StatefulSet("db").Status is { } s && s.ObservedGeneration == 2 && s.CurrentRevision != s.UpdateRevision, "the update revision is observed");
        await cluster.PassSimulatedTime(TimeSpan.FromSeconds(30));
        Assert.All(cluster.ActivePods("app=db"), p => Assert.Equal("postgres:11.6-alpine", p.Spec.Containers[0].Image));

        cluster.Registry.Delete<V1Pod>(TestCluster.Namespace, "db-1");
        await cluster.WaitUntilAsync(() => cluster.StatefulSet("db").Status is { UpdatedReplicas: 1, ReadyReplicas: 3 }, "db-1 is back updated");

        var images = cluster.ActivePods("app=db").ToDictionary(p => p.Metadata.Name, p => p.Spec.Containers[0].Image);
        Assert.Equal("postgres:11.8-alpine", images["db-1"]);
        Assert.Equal("postgres:11.6-alpine", images["db-0"]);
        Assert.Equal("postgres:11.6-alpine", images["db-2"]);
    }

    [Fact]
    public async Task Going_back_to_the_first_template_renumbers_revision_1_as_3()
    {
        await using var cluster = new TestCluster();
        var manifest = StatefulSetManifests.StatefulSet("db", 1);
        manifest.Metadata.Annotations = new Dictionary<string, string> { ["kubernetes.io/change-cause"] = "first" };
        cluster.Registry.Create(manifest, "test");
        await cluster.WaitForPartitionedRolloutAsync("db");
        var first = Assert.Single(cluster.RevisionsOf("db"));
        Assert.Equal("first", first.Metadata.Annotations["kubernetes.io/change-cause"]);
        Assert.Contains("\"$patch\":\"replace\"", KubeRollout.Sandbox.Controllers.Revisions.TemplatePatch.DataOf(first));

        cluster.Modify<V1StatefulSet>("db", s =>
        {
            s.Spec.Template.Spec.Containers[0].Image = "postgres:11.8-alpine";
            s.Metadata.Annotations["kubernetes.io/change-cause"] = "second";
        });
        await cluster.WaitUntilAsync(() => cluster.StatefulSet("db").Status is { UpdatedReplicas: 1, ReadyReplicas: 1 } s && s.ObservedGeneration == 2, "revision 2 is rolled out");
        cluster.Modify<V1StatefulSet>("db", s => s.Spec.Template.Spec.Containers[0].Image = "postgres:11.6-alpine");
        await cluster.WaitUntilAsync(() => cluster.StatefulSet("db").Status is { UpdatedReplicas: 1, ReadyReplicas: 1 } s && s.ObservedGeneration == 3 && s.UpdateRevision == first.Metadata.Name, "revision 1 is back");

        var revisions = cluster.RevisionsOf("db");
        Assert.Equal(2, revisions.Count);
        Assert.Equal((2L, "second"), (revisions[0].Revision!.Value, revisions[0].Metadata.Annotations["kubernetes.io/change-cause"]));
        Assert.Equal((first.Metadata.Name, 3L), (revisions[1].Metadata.Name, revisions[1].Revision!.Value));
        Assert.Equal(first.Metadata.Uid, revisions[1].Metadata.Uid);
    }

    [Fact]
    public async Task Old_revisions_beyond_the_history_limit_are_deleted()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(StatefulSetManifests.StatefulSet("db", 1, revisionHistoryLimit: 1), "test");
        await cluster.WaitForPartitionedRolloutAsync("db");
        for (var version = 2; version <= 4; version++)
        {
            var generation = version;
            cluster.Modify<V1StatefulSet>("db", s => s.Spec.Template.Spec.Containers[0].Image = $"postgres:11.{generation}-alpine");
            await cluster.WaitUntilAsync(() => cluster.StatefulSet("db").Status is { UpdatedReplicas: 1, ReadyReplicas: 1 } s && s.ObservedGeneration == generation && s.CurrentRevision == s.UpdateRevision, $"version {generation} is rolled out");
        }

        await cluster.WaitUntilAsync(() => cluster.RevisionsOf("db").Count == 2, "two revisions remain");
        Assert.Equal([3L, 4L], cluster.RevisionsOf("db").Select(r => r.Revision!.Value));
    }

    [Fact]
    public async Task Scale_down_removes_the_highest_ordinal_first_and_keeps_the_claims()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(StatefulSetManifests.StatefulSet("db", 3, withClaim: true), "test");
        await cluster.WaitForPartitionedRolloutAsync("db");

        cluster.Modify<V1StatefulSet>("db", s => s.Spec.Replicas = 1);
        await cluster.WaitUntilAsync(() => cluster.Pods("app=db").Count == 1 && cluster.StatefulSet("db").Status.Replicas == 1, "scaled down to 1");

        Assert.Equal("db-0", Assert.Single(cluster.Pods("app=db")).Metadata.Name);
        Assert.NotNull(cluster.Registry.Get<V1PersistentVolumeClaim>(TestCluster.Namespace, "data-db-2"));
    }

    private static string? AppOf(V1Pod pod) => pod.Metadata.Labels is { } labels && labels.TryGetValue("app", out var app) ? app : null;

    private static bool IsReady(V1Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
}
