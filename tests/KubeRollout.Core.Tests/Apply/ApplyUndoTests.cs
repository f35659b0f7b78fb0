using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Core.Apply;
using KubeRollout.Core.Apply.Merging;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Tests.Apply;

public class ApplyUndoTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static AppliedObject Applied(ApiResource resource, string kind, string name, ApplyAction action, JsonObject? before, JsonObject after) => new(
        new ApplyResult { Kind = kind, Namespace = "ns", Name = name, Action = action },
        resource,
        new ObjectReference(kind, resource.Namespaced ? "ns" : null, name),
        before,
        after);

    [Fact]
    public void Deletes_what_was_created_and_reverts_what_was_changed_newest_first()
    {
        var namespaces = ApiResource.For(typeof(V1Namespace));
        var configMaps = ApiResource.For(typeof(V1ConfigMap));
        var applied = new[]
        {
            Applied(namespaces, "Namespace", "ns", ApplyAction.Created, null, Json("""{"metadata":{"name":"ns","uid":"u-1"}}""")),
            Applied(configMaps, "ConfigMap", "same", ApplyAction.Unchanged, Json("""{"metadata":{"name":"same"}}"""), Json("""{"metadata":{"name":"same"}}""")),
            Applied(configMaps, "ConfigMap", "cfg", ApplyAction.Configured,
                Json("""{"metadata":{"name":"cfg","resourceVersion":"1","labels":{"a":"1"}},"data":{"k":"old"}}"""),
                Json("""{"metadata":{"name":"cfg","resourceVersion":"2","labels":{"a":"1","b":"2"}},"data":{"k":"new","n":"x"}}""")),
        };

        var steps = ApplyUndo.Plan(applied);

        Assert.Equal(["configmap/cfg (namespace ns)", "namespace/ns"], steps.Select(s => s.Reference.ToString()));
        Assert.False(steps[0].Deletes);
        Assert.Equal("""{"metadata":{"labels":{"b":null}},"data":{"k":"old","n":null}}""", steps[0].RevertPatch!.ToJsonString());
        Assert.True(steps[1].Deletes);
        Assert.Equal("u-1", steps[1].DeleteUid);
    }

    [Fact]
    public void The_revert_keeps_what_others_changed_since()
    {
        var configMaps = ApiResource.For(typeof(V1ConfigMap));
        var step = ApplyUndo.Plan([Applied(configMaps, "ConfigMap", "cfg", ApplyAction.Configured, Json("""{"data":{"k":"old"}}"""), Json("""{"data":{"k":"new"}}"""))])[0];
        var nowLive = Json("""{"data":{"k":"new","other":"theirs"}}""");

        var reverted = StrategicMergePatch.Apply(nowLive, step.RevertPatch!, PatchSchema.Of(typeof(V1ConfigMap)));

        Assert.Equal("""{"data":{"k":"old","other":"theirs"}}""", reverted.ToJsonString());
    }

    [Fact]
    public void The_report_names_what_was_undone_and_what_could_not_be()
    {
        var configMaps = ApiResource.For(typeof(V1ConfigMap));
        var created = new UndoStep(configMaps, new ObjectReference("ConfigMap", "ns", "a"), "u", null);
        var changed = new UndoStep(configMaps, new ObjectReference("ConfigMap", "ns", "b"), null, Json("""{"data":{"k":"v"}}"""));
        var stuck = new UndoStep(configMaps, new ObjectReference("ConfigMap", "ns", "c"), "u2", null);

        var report = ApplyUndo.Report([(created, null), (changed, null), (stuck, "forbidden")]);

        Assert.Equal(
            "What this apply had written was undone: deleted configmap/a (namespace ns); restored configmap/b (namespace ns). Could not be undone, left as applied: configmap/c (namespace ns) (forbidden).",
            report);
    }
}
