using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Core.Apply;

namespace KubeRollout.Core.Tests.Apply;

/// <summary>kubectl apply's three-way merge: only what the last apply set and the manifest no longer sets goes.</summary>
public class ThreeWayMergeTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static JsonObject Deployment(JsonObject? last, JsonObject desired, JsonObject live) => ThreeWayMerge.Merge(last, desired, live, typeof(V1Deployment));

    private static JsonNode Containers(JsonObject obj) => obj["spec"]!["template"]!["spec"]!["containers"]!;

    [Fact]
    public void Takes_what_the_manifest_sets_and_keeps_server_defaults()
    {
        var live = Json("""{"spec":{"replicas":2,"revisionHistoryLimit":10,"template":{"spec":{"containers":[{"name":"web","image":"v1","imagePullPolicy":"IfNotPresent"}]}}}}""");
        var desired = Json("""{"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"v2"}]}}}}""");

        var merged = Deployment(desired, desired, live);

        Assert.Equal("v2", (string)Containers(merged)[0]!["image"]!);
        Assert.Equal("IfNotPresent", (string)Containers(merged)[0]!["imagePullPolicy"]!);
        Assert.Equal(10, (int)merged["spec"]!["revisionHistoryLimit"]!);
    }

    [Fact]
    public void Removes_what_the_last_apply_set_and_the_manifest_no_longer_sets()
    {
        var last = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"MODE","value":"x"},{"name":"KEEP","value":"y"}]},{"name":"sidecar","image":"s"}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"MODE","value":"x"},{"name":"KEEP","value":"y"},{"name":"INJECTED","value":"z"}]},{"name":"sidecar","image":"s"}]}}}}""");
        var desired = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"KEEP","value":"y"}]}]}}}}""");

        var merged = Deployment(last, desired, live);

        Assert.Equal(["web"], Containers(merged).AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal(["KEEP", "INJECTED"], Containers(merged)[0]!["env"]!.AsArray().Select(e => (string)e!["name"]!));
    }

    [Fact]
    public void Keeps_map_keys_others_added_and_drops_removed_ones()
    {
        var last = Json("""{"metadata":{"labels":{"app":"vweb","tier":"web"}}}""");
        var live = Json("""{"metadata":{"labels":{"app":"vweb","tier":"web","team":"blue"},"annotations":{"deployment.kubernetes.io/revision":"3"}}}""");
        var desired = Json("""{"metadata":{"labels":{"app":"vweb"}}}""");

        var merged = Deployment(last, desired, live);

        Assert.Equal("""{"app":"vweb","team":"blue"}""", merged["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("3", (string)merged["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!);
    }

    [Fact]
    public void Keeps_annotations_of_others_when_kubectls_record_holds_an_empty_annotation_map()
    {
        // kubectl records "annotations":{} for a manifest without annotations; the manifest still sets none.
        var kubectlRecord = Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"x","namespace":"default"}}""");
        var live = Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x","namespace":"default","annotations":{"team.example.com/owner":"payments","kubectl.kubernetes.io/last-applied-configuration":"{}"}}}""");
        var modified = Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x","namespace":"default","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"new\":1}"}}}""");

        var merged = Deployment(kubectlRecord, modified, live);

        Assert.Equal("payments", (string)merged["metadata"]!["annotations"]!["team.example.com/owner"]!);
        Assert.Equal("""{"new":1}""", (string)merged["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!);
    }

    [Fact]
    public void A_map_the_manifest_stops_setting_is_deleted_whole_as_kubectl_does()
    {
        var last = Json("""{"metadata":{"labels":{"app":"x"}}}""");
        var live = Json("""{"metadata":{"labels":{"app":"x","team":"blue"}}}""");
        var desired = Json("""{"metadata":{}}""");

        var merged = Deployment(last, desired, live);

        Assert.Null(merged["metadata"]!["labels"]);
    }

    [Fact]
    public void Replaces_lists_without_a_merge_key_whole()
    {
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","args":["a","b"],"envFrom":[{"configMapRef":{"name":"a"}}]}],"tolerations":[{"key":"x"}]}}}}""");
        var desired = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","args":["c"],"envFrom":[{"configMapRef":{"name":"b"}}]}],"tolerations":[{"key":"y"}]}}}}""");

        var merged = Deployment(null, desired, live);

        Assert.Equal("""["c"]""", Containers(merged)[0]!["args"]!.ToJsonString());
        Assert.Equal("""[{"configMapRef":{"name":"b"}}]""", Containers(merged)[0]!["envFrom"]!.ToJsonString());
        Assert.Equal("""[{"key":"y"}]""", merged["spec"]!["template"]!["spec"]!["tolerations"]!.ToJsonString());
    }

    [Fact]
    public void Container_ports_merge_by_container_port_keeping_ports_others_added()
    {
        var last = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80},{"containerPort":8443}]}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":8443,"protocol":"TCP"},{"containerPort":9090,"protocol":"TCP","name":"metrics"}]}]}}}}""");
        var desired = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"name":"http"}]}]}}}}""");

        var merged = Deployment(last, desired, live);

        Assert.Equal(
            """[{"containerPort":80,"protocol":"TCP","name":"http"},{"containerPort":9090,"protocol":"TCP","name":"metrics"}]""",
            Containers(merged)[0]!["ports"]!.ToJsonString());
    }

    [Fact]
    public void Volume_mounts_merge_by_mount_path_and_pull_secrets_by_name()
    {
        var last = Json("""{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"a"}],"containers":[{"name":"web","volumeMounts":[{"name":"data","mountPath":"/data"}]}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"a"},{"name":"mirror"}],"containers":[{"name":"web","volumeMounts":[{"name":"data","mountPath":"/data"},{"name":"token","mountPath":"/var/run/token"}]}]}}}}""");
        var desired = Json("""{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"b"}],"containers":[{"name":"web","volumeMounts":[{"name":"data2","mountPath":"/data"}]}]}}}}""");

        var merged = Deployment(last, desired, live);
        var spec = merged["spec"]!["template"]!["spec"]!;

        Assert.Equal("""[{"name":"b"},{"name":"mirror"}]""", spec["imagePullSecrets"]!.ToJsonString());
        Assert.Equal("""[{"name":"data2","mountPath":"/data"},{"name":"token","mountPath":"/var/run/token"}]""", spec["containers"]![0]!["volumeMounts"]!.ToJsonString());
    }

    [Fact]
    public void A_volume_that_changes_its_source_keeps_only_the_new_source()
    {
        var last = Json("""{"spec":{"template":{"spec":{"volumes":[{"name":"cfg","configMap":{"name":"a"}}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"volumes":[{"name":"cfg","configMap":{"name":"a","defaultMode":420}}]}}}}""");
        var desired = Json("""{"spec":{"template":{"spec":{"volumes":[{"name":"cfg","secret":{"secretName":"s"}}]}}}}""");

        var merged = Deployment(last, desired, live);

        Assert.Equal("""[{"name":"cfg","secret":{"secretName":"s"}}]""", merged["spec"]!["template"]!["spec"]!["volumes"]!.ToJsonString());
    }

    [Fact]
    public void Switching_to_Recreate_drops_the_defaulted_rolling_update_settings()
    {
        var last = Json("""{"spec":{"strategy":{"type":"RollingUpdate"}}}""");
        var live = Json("""{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}}}""");
        var desired = Json("""{"spec":{"strategy":{"type":"Recreate"}}}""");

        var merged = Deployment(last, desired, live);

        Assert.Equal("""{"type":"Recreate"}""", merged["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void Finalizers_merge_as_a_set()
    {
        var last = Json("""{"metadata":{"finalizers":["a.example.com/one","a.example.com/two"]}}""");
        var live = Json("""{"metadata":{"finalizers":["a.example.com/one","a.example.com/two","other.example.com/keep"]}}""");
        var desired = Json("""{"metadata":{"finalizers":["a.example.com/one","a.example.com/three"]}}""");

        var merged = ThreeWayMerge.Merge(last, desired, live, typeof(V1ConfigMap));

        Assert.Equal("""["a.example.com/one","a.example.com/three","other.example.com/keep"]""", merged["metadata"]!["finalizers"]!.ToJsonString());
    }

    [Fact]
    public void Owner_references_merge_by_uid()
    {
        var last = Json("""{"metadata":{"ownerReferences":[{"uid":"1","name":"a","kind":"X","apiVersion":"v1"}]}}""");
        var live = Json("""{"metadata":{"ownerReferences":[{"uid":"1","name":"a","kind":"X","apiVersion":"v1"},{"uid":"2","name":"gc","kind":"Y","apiVersion":"v1"}]}}""");
        var desired = Json("""{"metadata":{}}""");

        var merged = ThreeWayMerge.Merge(last, desired, live, typeof(V1ConfigMap));

        Assert.Null(merged["metadata"]!["ownerReferences"]); // the manifest dropped the field: kubectl deletes it whole
        var kept = ThreeWayMerge.Merge(last, Json("""{"metadata":{"ownerReferences":[]}}"""), live, typeof(V1ConfigMap));
        Assert.Equal(["2"], kept["metadata"]!["ownerReferences"]!.AsArray().Select(o => (string)o!["uid"]!));
    }

    [Fact]
    public void Service_ports_merge_by_port_and_keep_the_allocated_node_port()
    {
        var live = Json("""{"spec":{"clusterIP":"10.96.0.7","ports":[{"port":8080,"targetPort":80,"nodePort":30080,"protocol":"TCP"}]}}""");
        var desired = Json("""{"spec":{"ports":[{"port":8080,"targetPort":8080}]}}""");

        var merged = ThreeWayMerge.Merge(desired, desired, live, typeof(V1Service));

        Assert.Equal(30080, (int)merged["spec"]!["ports"]![0]!["nodePort"]!);
        Assert.Equal(8080, (int)merged["spec"]!["ports"]![0]!["targetPort"]!);
        Assert.Equal("10.96.0.7", (string)merged["spec"]!["clusterIP"]!);
    }

    [Fact]
    public void A_disruption_budget_selector_is_replaced_whole()
    {
        var live = Json("""{"spec":{"selector":{"matchLabels":{"app":"a","extra":"x"}}}}""");
        var desired = Json("""{"spec":{"selector":{"matchLabels":{"app":"b"}}}}""");

        var merged = ThreeWayMerge.Merge(desired, desired, live, typeof(V1PodDisruptionBudget));

        Assert.Equal("""{"matchLabels":{"app":"b"}}""", merged["spec"]!["selector"]!.ToJsonString());
    }

    [Fact]
    public void Items_take_the_manifests_order_and_items_of_others_stay_before_the_items_they_preceded()
    {
        var last = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a"},{"name":"b","image":"b"}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a"},{"name":"injected","image":"i"},{"name":"b","image":"b"}]}}}}""");
        var desired = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b"},{"name":"a","image":"a"}]}}}}""");

        var merged = Deployment(last, desired, live);

        // The server's order: manifest items as the manifest orders them, "injected" before b, which it preceded live.
        Assert.Equal(["injected", "b", "a"], Containers(merged).AsArray().Select(c => (string)c!["name"]!));
    }

    [Fact]
    public void A_null_in_the_manifest_deletes_the_live_field()
    {
        var live = Json("""{"spec":{"replicas":3,"minReadySeconds":5}}""");
        var desired = Json("""{"spec":{"minReadySeconds":null}}""");

        var merged = Deployment(null, desired, live);

        Assert.Equal("""{"replicas":3}""", merged["spec"]!.ToJsonString());
    }

    [Fact]
    public void After_an_undo_the_restored_configuration_is_what_gets_removed()
    {
        // v1 had MODE, v2 removed it, an undo restored v1 (live has MODE again and the recorded configuration is v1's),
        // v3 does not have it: it must go, not be resurrected.
        var restoredLast = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"MODE","value":"x"}]}]}}}}""");
        var live = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v1","env":[{"name":"MODE","value":"x"}]}]}}}}""");
        var v3 = Json("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"v3"}]}}}}""");

        var merged = Deployment(restoredLast, v3, live);

        Assert.Null(Containers(merged)[0]!["env"]);
    }
}
