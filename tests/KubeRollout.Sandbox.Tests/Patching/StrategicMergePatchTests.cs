using k8s.Models;
using KubeRollout.Sandbox.Patching;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Patching;

/// <summary>The patch bodies are what kubectl 1.35 sends (built by its two- and three-way diff).</summary>
public class StrategicMergePatchTests
{
    private const string Vweb = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","labels":{"kiamol":"ch09"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"vweb"}},
           "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
           "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
             "spec":{"containers":[
               {"name":"web","image":"kiamol/ch09-vweb:v1","ports":[{"name":"http","containerPort":80,"protocol":"TCP"}],
                "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
               {"name":"sidecar","image":"busybox:1.36"}]}}}}
        """;

    [Fact]
    public void SetImageMergesTheContainerByName()
    {
        var patch = JsonAssert.Object("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"sidecar"}],
              "containers":[{"image":"kiamol/ch09-vweb:v2","name":"web"}]}}}}
            """);

        var result = StrategicMergePatch.Apply(JsonAssert.Object(Vweb), patch, typeof(V1Deployment));

        var containers = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count);
        JsonAssert.Equal("""
            {"name":"web","image":"kiamol/ch09-vweb:v2","ports":[{"name":"http","containerPort":80,"protocol":"TCP"}],
             "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}
            """, containers[0]);
        Assert.Equal("sidecar", (string?)containers[1]!["name"]);
    }

    [Fact]
    public void PauseAndResume()
    {
        var paused = StrategicMergePatch.Apply(JsonAssert.Object(Vweb), JsonAssert.Object("""{"spec":{"paused":true}}"""), typeof(V1Deployment));
        Assert.True((bool)paused["spec"]!["paused"]!);

        var resumed = StrategicMergePatch.Apply(paused, JsonAssert.Object("""{"spec":{"paused":null}}"""), typeof(V1Deployment));
        Assert.False(resumed["spec"]!.AsObject().ContainsKey("paused"));
        Assert.True((bool)paused["spec"]!["paused"]!, "the input is not changed");
    }

    [Fact]
    public void RestartAddsTheTemplateAnnotation()
    {
        var patch = JsonAssert.Object("""{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-29T01:30:00Z"}}}}}""");

        var result = StrategicMergePatch.Apply(JsonAssert.Object(Vweb), patch, typeof(V1Deployment));

        JsonAssert.Equal(
            """{"labels":{"app":"vweb","version":"v1"},"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-29T01:30:00Z"}}""",
            result["spec"]!["template"]!["metadata"]);
    }

    [Fact]
    public void ClientSideApplySwitchingToRecreateDropsRollingUpdateThroughRetainKeys()
    {
        var patch = JsonAssert.Object("""
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}\n"}},
             "spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}
            """);

        var result = StrategicMergePatch.Apply(JsonAssert.Object(Vweb), patch, typeof(V1Deployment));

        JsonAssert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]);
        Assert.Equal("{}\n", (string?)result["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
    }

    [Fact]
    public void RetainKeysRejectsPatchKeysItDoesNotList()
    {
        var patch = JsonAssert.Object("""{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":{"maxSurge":1}}}}""");

        var error = Assert.ThrowsAny<StoreException>(() => StrategicMergePatch.Apply(JsonAssert.Object(Vweb), patch, typeof(V1Deployment)));
        Assert.Equal(400, error.Code);
        Assert.Equal("invalid patch format of retainKeys", error.Message);
    }

    [Fact]
    public void ClientSideApplyDeletesAnEnvVarAndChangesAPort()
    {
        var patch = JsonAssert.Object("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"sidecar"}],
              "containers":[{"$setElementOrder/env":[{"name":"A"}],"$setElementOrder/ports":[{"containerPort":8080}],
                "env":[{"$patch":"delete","name":"B"}],
                "name":"web",
                "ports":[{"containerPort":8080,"name":"http"},{"$patch":"delete","containerPort":80}]}]}}}}
            """);

        var result = StrategicMergePatch.Apply(JsonAssert.Object(Vweb), patch, typeof(V1Deployment));

        var web = result["spec"]!["template"]!["spec"]!["containers"]![0]!;
        JsonAssert.Equal("""[{"name":"A","value":"1"}]""", web["env"]);
        JsonAssert.Equal("""[{"containerPort":8080,"name":"http"}]""", web["ports"]);
    }

    [Fact]
    public void SetElementOrderReordersAndNewItemsFollowIt()
    {
        var patch = JsonAssert.Object("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"init"},{"name":"sidecar"},{"name":"web"}],
              "containers":[{"image":"x:1","name":"init"}]}}}}
            """);

        var result = StrategicMergePatch.Apply(JsonAssert.Object(Vweb), patch, typeof(V1Deployment));

        var names = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]).ToList();
        Assert.Equal(["init", "sidecar", "web"], names);
    }

    /// <summary>Without $setElementOrder the server puts the items the patch names first (a hand-written kubectl patch does this).</summary>
    [Fact]
    public void ItemsWithoutOrderDirectiveComeFirst()
    {
        var patch = JsonAssert.Object("""{"spec":{"template":{"spec":{"containers":[{"image":"x:1","name":"extra"}]}}}}""");

        var result = StrategicMergePatch.Apply(JsonAssert.Object(Vweb), patch, typeof(V1Deployment));

        var names = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]).ToList();
        Assert.Equal(["extra", "web", "sidecar"], names);
    }

    [Fact]
    public void StatefulSetUndoReplacesTheWholeTemplate()
    {
        var sts = JsonAssert.Object("""
            {"kind":"StatefulSet","metadata":{"name":"todo-db"},"spec":{"serviceName":"todo-db","replicas":2,
              "template":{"metadata":{"labels":{"app":"todo-db"},"annotations":{"kubectl.kubernetes.io/restartedAt":"x"}},
                "spec":{"containers":[{"name":"db","image":"postgres:11.6-alpine","env":[{"name":"X","value":"1"}]}],"terminationGracePeriodSeconds":30}}}}
            """);
        var revisionData = JsonAssert.Object("""
            {"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"todo-db"}},
              "spec":{"containers":[{"name":"db","image":"postgres:11.5-alpine"}],"terminationGracePeriodSeconds":30}}}}
            """);

        var result = StrategicMergePatch.Apply(sts, revisionData, typeof(V1StatefulSet));

        JsonAssert.Equal("""
            {"metadata":{"labels":{"app":"todo-db"}},"spec":{"containers":[{"name":"db","image":"postgres:11.5-alpine"}],"terminationGracePeriodSeconds":30}}
            """, result["spec"]!["template"]);
        Assert.Equal(2, (int)result["spec"]!["replicas"]!);
    }

    [Fact]
    public void VolumesRetainKeysSwitchesTheVolumeSource()
    {
        var sts = JsonAssert.Object("""
            {"spec":{"template":{"spec":{"containers":[{"name":"db","image":"p"}],
              "volumes":[{"name":"config","configMap":{"name":"todo-db-config","defaultMode":292}},{"name":"initdb","emptyDir":{}}]}}}}
            """);
        var patch = JsonAssert.Object("""
            {"spec":{"template":{"spec":{"$setElementOrder/volumes":[{"name":"config"},{"name":"initdb"}],
              "volumes":[{"$retainKeys":["name","secret"],"configMap":null,"name":"config","secret":{"secretName":"todo-db-secret"}}]}}}}
            """);

        var result = StrategicMergePatch.Apply(sts, patch, typeof(V1StatefulSet));

        JsonAssert.Equal("""
            [{"name":"config","secret":{"secretName":"todo-db-secret"}},{"name":"initdb","emptyDir":{}}]
            """, result["spec"]!["template"]!["spec"]!["volumes"]);
    }

    [Fact]
    public void FinalizersMergeAsASetAndDeleteFromPrimitiveList()
    {
        var obj = JsonAssert.Object("""{"metadata":{"name":"x","finalizers":["a","b"]}}""");

        var added = StrategicMergePatch.Apply(obj, JsonAssert.Object("""{"metadata":{"finalizers":["b","c"]}}"""), typeof(V1Deployment));
        Assert.Equal(["a", "b", "c"], added["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f).ToList());

        var removed = StrategicMergePatch.Apply(added, JsonAssert.Object("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a","c"]}}"""), typeof(V1Deployment));
        Assert.Equal(["b"], removed["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f).ToList());
    }

    [Fact]
    public void AtomicListsAreReplaced()
    {
        var patch = JsonAssert.Object("""
            {"spec":{"template":{"spec":{"containers":[{"name":"web","args":["--two"]}],"tolerations":[{"key":"b"}]}}}}
            """);
        var original = JsonAssert.Object("""
            {"spec":{"template":{"spec":{"containers":[{"name":"web","args":["--one","--uno"]}],"tolerations":[{"key":"a"}]}}}}
            """);

        var result = StrategicMergePatch.Apply(original, patch, typeof(V1Deployment));

        JsonAssert.Equal("""{"containers":[{"name":"web","args":["--two"]}],"tolerations":[{"key":"b"}]}""", result["spec"]!["template"]!["spec"]);
    }

    [Fact]
    public void ReplaceDirectiveInAListAndDeleteDirectiveInAMap()
    {
        var patch = JsonAssert.Object("""
            {"metadata":{"labels":{"$patch":"delete"}},
             "spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"x"}]}}}}
            """);

        var result = StrategicMergePatch.Apply(JsonAssert.Object(Vweb), patch, typeof(V1Deployment));

        Assert.False(result["metadata"]!.AsObject().ContainsKey("labels"));
        JsonAssert.Equal("""[{"name":"only","image":"x"}]""", result["spec"]!["template"]!["spec"]!["containers"]);
    }

    [Fact]
    public void ServicePortsMergeByPort()
    {
        var service = JsonAssert.Object("""{"spec":{"ports":[{"name":"http","port":80,"targetPort":80,"protocol":"TCP"}],"selector":{"app":"vweb"}}}""");
        var patch = JsonAssert.Object("""{"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"vweb-v2"}}}""");

        var result = StrategicMergePatch.Apply(service, patch, typeof(V1Service));

        JsonAssert.Equal("""{"ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"}],"selector":{"app":"vweb-v2"}}""", result["spec"]);
    }

    [Theory]
    [InlineData("""{"spec":{"$patch":"frob"}}""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"image":"no-name"}]}}}}""")]
    public void MalformedPatchesAreBadRequests(string patch)
    {
        var error = Assert.ThrowsAny<StoreException>(() => StrategicMergePatch.Apply(JsonAssert.Object(Vweb), JsonAssert.Object(patch), typeof(V1Deployment)));
        Assert.Equal(400, error.Code);
    }
}
