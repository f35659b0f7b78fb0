using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Core.Releases.Config;

namespace KubeRollout.Core.Tests.Releases.Config;

public class ConfigVersionPruningTests
{
    private const string DeploymentUid = "d-uid";
    private const string StatefulSetUid = "s-uid";

    private static V1PodTemplateSpec Template(string configMap, string? hash = null) => new()
    {
        Metadata = new V1ObjectMeta { Labels = hash is null ? new Dictionary<string, string> { ["app"] = "web" } : new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = hash } },
        Spec = new V1PodSpec
        {
            Containers = [new V1Container { Name = "web", Image = "nginx", Env = [new V1EnvVar { Name = "R", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = configMap, Key = "release" } } }] }],
        },
    };

    private static V1Deployment Deployment(string configMap, int? limit) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "ns", Uid = DeploymentUid },
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
            Template = Template(configMap),
            RevisionHistoryLimit = limit,
        },
    };

    private static V1ReplicaSet ReplicaSet(string configMap, long revision, int replicas = 0) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"web-{revision}",
            NamespaceProperty = "ns",
            Labels = new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = $"h{revision}" },
            Annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/revision"] = revision.ToString(CultureInfo.InvariantCulture) },
            OwnerReferences = [new V1OwnerReference { Controller = true, Uid = DeploymentUid, Kind = "Deployment", Name = "web", ApiVersion = "apps/v1" }],
            CreationTimestamp = new DateTime(2026, 1, 1).AddMinutes(revision),
        },
        Spec = new V1ReplicaSetSpec { Replicas = replicas, Template = Template(configMap, $"h{revision}"), Selector = new V1LabelSelector() },
    };

    private static (string, V1ObjectMeta) Version(string name, string kind = "ConfigMap", bool labelled = true) => (kind, new V1ObjectMeta
    {
        Name = name,
        NamespaceProperty = "ns",
        Labels = labelled ? new Dictionary<string, string> { [ConfigVersioning.VersionLabel] = name[^3..] } : null,
        Annotations = labelled ? new Dictionary<string, string> { [ConfigVersioning.VersionOfAnnotation] = "cfg" } : null,
    });

    private static NamespaceObjects Objects(
        IReadOnlyList<V1Deployment>? deployments = null, IReadOnlyList<V1ReplicaSet>? replicaSets = null, IReadOnlyList<V1StatefulSet>? statefulSets = null,
        IReadOnlyList<V1ControllerRevision>? revisions = null, IReadOnlyList<V1Pod>? pods = null) =>
        new(deployments ?? [], replicaSets ?? [], statefulSets ?? [], [], revisions ?? [], pods ?? [], [], []);

    private static Dictionary<string, ConfigVersionUsage> Usage(NamespaceObjects objects, params (string, V1ObjectMeta)[] versions) =>
        ConfigVersionPruning.Usage(versions, ConfigVersionPruning.Holders(objects)).ToDictionary(u => u.Name);

    [Fact]
    public void Keeps_the_versions_of_the_live_template_and_of_the_old_revisions_within_the_history_limit()
    {
        // Revisions 1..4, current 4, limit 2: the controller keeps 2 and 3 as old revisions and deletes 1.
        var objects = Objects(
            [Deployment("cfg-4", limit: 2)],
            [ReplicaSet("cfg-1", 1), ReplicaSet("cfg-2", 2), ReplicaSet("cfg-3", 3), ReplicaSet("cfg-4", 4, replicas: 3)]);

        var usage = Usage(objects, Version("cfg-1"), Version("cfg-2"), Version("cfg-3"), Version("cfg-4"), Version("cfg-unused"));

        Assert.True(usage["cfg-1"].Prunable);
        Assert.True(usage["cfg-unused"].Prunable);
        Assert.False(usage["cfg-2"].Prunable);
        Assert.Contains("revision 2 of deployment.apps/web (replicaset web-2)", usage["cfg-2"].ReferencedBy);
        Assert.False(usage["cfg-3"].Prunable);
        Assert.Equal(["deployment.apps/web (live template)", "revision 4 of deployment.apps/web (replicaset web-4)"], usage["cfg-4"].ReferencedBy);
        Assert.Equal("cfg", usage["cfg-1"].VersionOf);
    }

    [Fact]
    public void The_default_limit_is_ten_and_an_old_revision_with_replicas_is_kept_beyond_it()
    {
        var replicaSets = Enumerable.Range(1, 13).Select(r => ReplicaSet($"cfg-{r}", r, replicas: r == 1 ? 1 : 0)).ToList();
        var objects = Objects([Deployment("cfg-13", limit: null)], replicaSets);

        var usage = Usage(objects, Enumerable.Range(1, 13).Select(r => Version($"cfg-{r}")).ToArray());

        Assert.False(usage["cfg-1"].Prunable); // still has a replica: the controller does not delete it
        Assert.True(usage["cfg-2"].Prunable);
        Assert.All(Enumerable.Range(3, 11), r => Assert.False(usage[$"cfg-{r}"].Prunable));
    }

    [Fact]
    public void A_limit_of_zero_keeps_only_what_is_live()
    {
        var objects = Objects([Deployment("cfg-2", limit: 0)], [ReplicaSet("cfg-1", 1), ReplicaSet("cfg-2", 2, replicas: 1)]);

        var usage = Usage(objects, Version("cfg-1"), Version("cfg-2"));

        Assert.True(usage["cfg-1"].Prunable);
        Assert.False(usage["cfg-2"].Prunable);
    }

    [Fact]
    public void Pods_keep_what_they_reference_and_objects_that_are_not_versions_are_never_candidates()
    {
        var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "bare" }, Spec = Template("cfg-pod").Spec };

        var usage = Usage(Objects(pods: [pod]), Version("cfg-pod"), Version("handmade", labelled: false));

        Assert.Equal(["pod bare"], usage["cfg-pod"].ReferencedBy);
        Assert.False(usage.ContainsKey("handmade"));
    }

    [Fact]
    public void Keeps_the_current_update_and_newest_revisions_of_a_statefulset()
    {
        var statefulSet = new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "ns", Uid = StatefulSetUid },
            Spec = new V1StatefulSetSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = Template("cfg-5"),
                RevisionHistoryLimit = 1,
            },
            Status = new V1StatefulSetStatus { CurrentRevision = "db-1", UpdateRevision = "db-5" },
        };
        V1ControllerRevision Revision(long number) => new()
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"db-{number}",
                Labels = new Dictionary<string, string> { ["app"] = "web" },
                OwnerReferences = [new V1OwnerReference { Controller = true, Uid = StatefulSetUid, Kind = "StatefulSet", Name = "db", ApiVersion = "apps/v1" }],
            },
            Revision = number,
            Data = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"R","valueFrom":{"configMapKeyRef":{"name":"CFG","key":"release"}}}]}]},"$patch":"replace"}}}"""
                .Replace("CFG", $"cfg-{number}", StringComparison.Ordinal)),
        };

        var usage = Usage(
            Objects(statefulSets: [statefulSet], revisions: [Revision(1), Revision(2), Revision(3), Revision(4), Revision(5)]),
            Enumerable.Range(1, 5).Select(r => Version($"cfg-{r}")).ToArray());

        Assert.False(usage["cfg-1"].Prunable); // current revision
        Assert.True(usage["cfg-2"].Prunable);
        Assert.True(usage["cfg-3"].Prunable);
        Assert.False(usage["cfg-4"].Prunable); // the newest old one, within the limit of 1
        Assert.Contains("revision 5 of statefulset.apps/db (controllerrevision db-5)", usage["cfg-5"].ReferencedBy);
    }

    [Fact]
    public void Retained_revisions_are_those_in_use_and_the_newest_others_up_to_the_limit()
    {
        var kept = RetainedRevisions.Select([1L, 2, 3, 4, 5, 6], n => n, n => n == 2, limit: 3);

        Assert.Equal([2L, 6, 5, 4], kept);
        Assert.Equal([2L], RetainedRevisions.Select([1L, 2, 3], n => n, n => n == 2, limit: 0));
        Assert.Equal(10, RetainedRevisions.Select(Enumerable.Range(1, 12).Select(n => (long)n), n => n, _ => false, limit: null).Count);
    }

    [Fact]
    public void Versions_are_selected_by_kind_and_by_the_name_they_are_a_version_of_or_their_own()
    {
        ConfigVersionUsage Version(string kind, string name, string of) => new() { Kind = kind, Namespace = "ns", Name = name, VersionOf = of, ReferencedBy = [] };
        var versions = new[] { Version("ConfigMap", "web-config-abc", "web-config"), Version("Secret", "web-tls-def", "web-tls"), Version("ConfigMap", "api-config-ghi", "api-config") };

        Assert.Equal(3, ConfigVersionPruning.Select(versions, null, null).Count);
        Assert.Equal(["web-config-abc", "api-config-ghi"], ConfigVersionPruning.Select(versions, "configmap", null).Select(v => v.Name));
        Assert.Equal(["web-config-abc", "web-tls-def"], ConfigVersionPruning.Select(versions, null, ["WEB-*"]).Select(v => v.Name));
        Assert.Equal(["api-config-ghi"], ConfigVersionPruning.Select(versions, "ConfigMap", ["api-config-ghi", "nothing"]).Select(v => v.Name));
    }
}
