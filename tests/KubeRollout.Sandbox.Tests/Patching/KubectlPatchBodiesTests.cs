using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Sandbox.Patching;

namespace KubeRollout.Sandbox.Tests.Patching;

/// <summary>
/// The bodies kubectl 1.35 sent (captured from a logging fake API server) for the commands a rollout uses,
/// applied to the objects kubectl had read, with the result a real API server stores.
/// </summary>
public class KubectlPatchBodiesTests
{
    private const string LiveDeployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","namespace":"default","annotations":{"deployment.kubernetes.io/revision":"2"},"labels":{"kiamol":"ch09"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"vweb"}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
           "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
             "spec":{"containers":[{"name":"web","image":"kiamol/ch09-vweb:v1","imagePullPolicy":"IfNotPresent"},{"name":"side","image":"busybox:1.36"}],"restartPolicy":"Always"}}}}
        """;

    private static JsonObject Strategic(string live, string body, Type model) => StrategicMergePatch.Apply(JsonAssert.Object(live), JsonAssert.Object(body), model);

    [Fact]
    public void SetImage()
    {
        // kubectl set image deployment/vweb web=kiamol/ch09-vweb:v2  (fieldManager=kubectl-set)
        var result = Strategic(
            LiveDeployment,
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"side"}],"containers":[{"image":"kiamol/ch09-vweb:v2","name":"web"}]}}}}""",
            typeof(V1Deployment));

        JsonAssert.Equal(
            """[{"name":"web","image":"kiamol/ch09-vweb:v2","imagePullPolicy":"IfNotPresent"},{"name":"side","image":"busybox:1.36"}]""",
            result["spec"]!["template"]!["spec"]!["containers"]);
    }

    [Fact]
    public void PauseResumeRestart()
    {
        var paused = Strategic(LiveDeployment, """{"spec":{"paused":true}}""", typeof(V1Deployment));
        Assert.True((bool)paused["spec"]!["paused"]!);

        var resumed = StrategicMergePatch.Apply(paused, JsonAssert.Object("""{"spec":{"paused":null}}"""), typeof(V1Deployment));
        Assert.False(resumed["spec"]!.AsObject().ContainsKey("paused"));

        var restarted = Strategic(LiveDeployment, """{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-29T01:42:33Z"}}}}}""", typeof(V1Deployment));
        JsonAssert.Equal(
            """{"labels":{"app":"vweb","version":"v1"},"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-29T01:42:33Z"}}""",
            restarted["spec"]!["template"]!["metadata"]);
    }

    [Fact]
    public void ClientSideApplySwitchingToRecreate()
    {
        // kubectl apply -f (fieldManager=kubectl-client-side-apply): strategy switched, env trimmed, image changed.
        const string body = """
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}\n"}},
             "spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"},
               "template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"side"}],
                 "containers":[{"env":[{"name":"A","value":"1"}],"image":"kiamol/ch09-vweb:v2","name":"web"}]}}}}
            """;

        var result = Strategic(LiveDeployment, body, typeof(V1Deployment));

        JsonAssert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]);
        JsonAssert.Equal(
            """[{"name":"web","image":"kiamol/ch09-vweb:v2","imagePullPolicy":"IfNotPresent","env":[{"name":"A","value":"1"}]},{"name":"side","image":"busybox:1.36"}]""",
            result["spec"]!["template"]!["spec"]!["containers"]);
        JsonAssert.Equal(
            """{"deployment.kubernetes.io/revision":"2","kubectl.kubernetes.io/last-applied-configuration":"{}\n"}""",
            result["metadata"]!["annotations"]);
    }

    [Fact]
    public void StatefulSetRolloutUndo()
    {
        // kubectl rollout undo statefulset/todo-db: the previous ControllerRevision's data, sent as it is stored.
        const string live = """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"todo-db"},
             "spec":{"replicas":2,"serviceName":"todo-db","selector":{"matchLabels":{"app":"todo-db"}},
               "template":{"metadata":{"labels":{"app":"todo-db"},"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-29T01:42:33Z"}},
                 "spec":{"containers":[{"name":"db","image":"postgres:11.6-alpine"}]}}}}
            """;

        var result = Strategic(
            live,
            """{"spec": {"template": {"$patch": "replace", "metadata": {"labels": {"app": "todo-db"}}, "spec": {"containers": [{"name": "db", "image": "postgres:11.5-alpine"}]}}}}""",
            typeof(V1StatefulSet));

        JsonAssert.Equal(
            """{"metadata":{"labels":{"app":"todo-db"}},"spec":{"containers":[{"name":"db","image":"postgres:11.5-alpine"}]}}""",
            result["spec"]!["template"]);
        Assert.Equal("todo-db", (string?)result["spec"]!["serviceName"]);
    }

    [Fact]
    public void Annotate()
    {
        // kubectl annotate deployment/vweb kubernetes.io/change-cause="update to v2"  (merge patch, fieldManager=kubectl-annotate)
        var result = JsonMergePatch.Apply(JsonAssert.Object(LiveDeployment), JsonAssert.Object("""{"metadata":{"annotations":{"kubernetes.io/change-cause":"update to v2"}}}"""))!;

        JsonAssert.Equal(
            """{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"update to v2"}""",
            result["metadata"]!["annotations"]);
    }

    [Fact]
    public void ServerSideApplyBody()
    {
        // kubectl apply --server-side (application/apply-patch+yaml; kubectl sends JSON, fieldManager=kubectl, force=false)
        const string body = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"kiamol":"ch09"},"name":"vweb","namespace":"default"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"vweb"}},"strategy":{"type":"Recreate"},
               "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
                 "spec":{"containers":[{"env":[{"name":"A","value":"1"}],"image":"kiamol/ch09-vweb:v2","name":"web"},{"image":"busybox:1.36","name":"side"}]}}}}
            """;

        var created = ServerSideApply.Apply(null, JsonAssert.Object(body), typeof(V1Deployment), "kubectl", false, new DateTime(2026, 11, 29, 1, 42, 33, DateTimeKind.Utc));

        Assert.Equal("Recreate", (string?)created["spec"]!["strategy"]!["type"]);
        Assert.Equal("kubectl", (string?)created["metadata"]!["managedFields"]![0]!["manager"]);
    }
}
