using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Core.Apply.Merging;

namespace KubeRollout.Core.Tests.Apply.Merging;

/// <summary>The patches kubectl apply computes and how the API server applies them.</summary>
public class StrategicMergePatchTests
{
    private static readonly PatchSchema Deployment = PatchSchema.Of(typeof(V1Deployment));

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Fact]
    public void An_unchanged_configuration_makes_an_empty_patch()
    {
        var modified = Json("""{"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"v1"}]}}}}""");
        var live = Json("""{"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"v1","imagePullPolicy":"Always"}]}}}}""");

        Assert.Equal("{}", StrategicMergePatch.CreateThreeWay(modified, modified, live, Deployment).ToJsonString());
    }

    [Fact]
    public void A_removed_container_is_deleted_by_its_merge_key_and_the_order_is_set()
    {
        var original = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1"},{"name":"sidecar","image":"s"}]}}}}""");
        var modified = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v2"}]}}}}""");

        var patch = StrategicMergePatch.CreateThreeWay(original, modified, original, Deployment);

        var spec = patch["spec"]!["template"]!["spec"]!;
        Assert.Equal("""[{"name":"web"}]""", spec["$setElementOrder/containers"]!.ToJsonString());
        Assert.Equal("""[{"image":"v2","name":"web"},{"name":"sidecar","$patch":"delete"}]""", spec["containers"]!.ToJsonString());
    }

    [Fact]
    public void A_removed_finalizer_goes_in_the_parallel_deletion_list()
    {
        var original = Json("""{"metadata":{"finalizers":["a","b"]}}""");
        var modified = Json("""{"metadata":{"finalizers":["a"]}}""");

        var patch = StrategicMergePatch.CreateThreeWay(original, modified, original, PatchSchema.Of(typeof(V1ConfigMap)));

        Assert.Equal("""{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["a"]}""", patch["metadata"]!.ToJsonString());
    }

    [Fact]
    public void A_changed_strategy_carries_retain_keys()
    {
        var original = Json("""{"spec":{"strategy":{"type":"RollingUpdate"}}}""");
        var modified = Json("""{"spec":{"strategy":{"type":"Recreate"}}}""");
        var live = Json("""{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""");

        var patch = StrategicMergePatch.CreateThreeWay(original, modified, live, Deployment);

        Assert.Equal("""{"type":"Recreate","$retainKeys":["type"]}""", patch["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void The_server_applies_delete_and_replace_directives()
    {
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"a"},{"name":"b"}],"volumes":[{"name":"v","emptyDir":{}}]}}}}""");

        var deleted = StrategicMergePatch.Apply(live, Json("""{"spec":{"template":{"spec":{"containers":[{"name":"a","$patch":"delete"}]}}}}"""), Deployment);
        var replaced = StrategicMergePatch.Apply(live, Json("""{"spec":{"template":{"spec":{"containers":[{"name":"c"},{"$patch":"replace"}]}}}}"""), Deployment);
        var mapReplaced = StrategicMergePatch.Apply(live, Json("""{"spec":{"template":{"$patch":"replace","spec":{"containers":[{"name":"z"}]}}}}"""), Deployment);

        Assert.Equal("""[{"name":"b"}]""", deleted["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString());
        Assert.Equal("""[{"name":"c"}]""", replaced["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString());
        Assert.Equal("""{"spec":{"containers":[{"name":"z"}]}}""", mapReplaced["spec"]!["template"]!.ToJsonString());
    }

    [Fact]
    public void The_server_deletes_from_primitive_lists_and_clears_keys_not_retained()
    {
        var live = Json("""{"metadata":{"finalizers":["a","b","c"]},"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""");
        var patch = Json("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]},"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");

        var result = StrategicMergePatch.Apply(live, patch, Deployment);

        Assert.Equal("""["a","c"]""", result["metadata"]!["finalizers"]!.ToJsonString());
        Assert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void Refuses_an_item_without_its_merge_key_as_the_api_machinery_does()
    {
        var modified = Json("""{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1"}]}}}}""");

        var error = Assert.Throws<InvalidPatchException>(() => StrategicMergePatch.CreateThreeWay(null, modified, live, Deployment));

        Assert.Equal("""map: {"image":"x"} does not contain declared merge key: name""", error.Message);
    }

    [Fact]
    public void A_two_way_patch_turns_one_object_into_the_other()
    {
        var before = Json("""{"metadata":{"labels":{"a":"1"}},"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"web","image":"v1"}]}}}}""");
        var after = Json("""{"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"web","image":"v2"},{"name":"x","image":"x"}]}}}}""");

        var patch = StrategicMergePatch.CreateTwoWay(after, before, Deployment);

        Assert.True(JsonNode.DeepEquals(before, StrategicMergePatch.Apply(after, patch, Deployment)));
    }
}
