using System.Text.Json.Nodes;
using KubeRollout.Core.Apply;

namespace KubeRollout.Core.Tests.Apply;

public class ThreeWayMergeTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Fact]
    public void Takes_what_the_manifest_sets_and_keeps_server_defaults()
    {
        var live = Json("""{"spec":{"replicas":2,"revisionHistoryLimit":10,"template":{"spec":{"containers":[{"name":"web","image":"v1","imagePullPolicy":"IfNotPresent"}]}}}}""");
        var desired = Json("""{"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"v2"}]}}}}""");

        var merged = ThreeWayMerge.Merge(desired, desired, live);

        Assert.Equal("v2", (string)merged["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!);
        Assert.Equal("IfNotPresent", (string)merged["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"]!);
        Assert.Equal(10, (int)merged["spec"]!["revisionHistoryLimit"]!);
    }

    [Fact]
    public void Removes_what_the_last_apply_set_and_the_manifest_no_longer_sets()
    {
        var last = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"MODE","value":"x"},{"name":"KEEP","value":"y"}]},{"name":"sidecar","image":"s"}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"MODE","value":"x"},{"name":"KEEP","value":"y"},{"name":"INJECTED","value":"z"}]},{"name":"sidecar","image":"s"}]}}}}""");
        var desired = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"KEEP","value":"y"}]}]}}}}""");

        var merged = ThreeWayMerge.Merge(last, desired, live);

        var containers = merged["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["web"], containers.Select(c => (string)c!["name"]!));
        Assert.Equal(["KEEP", "INJECTED"], containers[0]!["env"]!.AsArray().Select(e => (string)e!["name"]!));
    }

    [Fact]
    public void Keeps_fields_others_added_and_drops_removed_map_keys()
    {
        var last = Json("""{"metadata":{"labels":{"app":"vweb","tier":"web"}}}""");
        var live = Json("""{"metadata":{"labels":{"app":"vweb","tier":"web","team":"blue"},"annotations":{"deployment.kubernetes.io/revision":"3"}}}""");
        var desired = Json("""{"metadata":{"labels":{"app":"vweb"}}}""");

        var merged = ThreeWayMerge.Merge(last, desired, live);

        Assert.Equal("""{"app":"vweb","team":"blue"}""", merged["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("3", (string)merged["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!);
    }

    [Fact]
    public void Replaces_lists_without_a_merge_key_whole()
    {
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","args":["a","b"]}],"tolerations":[{"key":"x"}]}}}}""");
        var desired = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","args":["c"]}],"tolerations":[{"key":"y"}]}}}}""");

        var merged = ThreeWayMerge.Merge(null, desired, live);

        Assert.Equal("""["c"]""", merged["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.ToJsonString());
        Assert.Equal("""[{"key":"y"}]""", merged["spec"]!["template"]!["spec"]!["tolerations"]!.ToJsonString());
    }

    [Fact]
    public void Service_ports_merge_by_port_and_keep_the_allocated_node_port()
    {
        var live = Json("""{"spec":{"clusterIP":"10.96.0.7","ports":[{"port":8080,"targetPort":80,"nodePort":30080,"protocol":"TCP"}]}}""");
        var desired = Json("""{"spec":{"ports":[{"port":8080,"targetPort":8080}]}}""");

        var merged = ThreeWayMerge.Merge(desired, desired, live);

        Assert.Equal(30080, (int)merged["spec"]!["ports"]![0]!["nodePort"]!);
        Assert.Equal(8080, (int)merged["spec"]!["ports"]![0]!["targetPort"]!);
        Assert.Equal("10.96.0.7", (string)merged["spec"]!["clusterIP"]!);
    }

    [Fact]
    public void After_an_undo_the_restored_configuration_is_what_gets_removed()
    {
        // v1 had MODE, v2 removed it, an undo restored v1 (live has MODE again and the recorded configuration is v1's),
        // v3 does not have it: it must go, not be resurrected.
        var restoredLast = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"MODE","value":"x"}]}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"MODE","value":"x"}]}]}}}}""");
        var v3 = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v3"}]}}}}""");

        var merged = ThreeWayMerge.Merge(restoredLast, v3, live);

        Assert.Null(merged["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]);
    }
}
