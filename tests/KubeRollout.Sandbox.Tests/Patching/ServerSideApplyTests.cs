using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Sandbox.Patching;
using KubeRollout.Sandbox.Patching.Fields;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Patching;

public class ServerSideApplyTests
{
    private static readonly DateTime T0 = new(2026, 11, 29, 1, 0, 0, 500, DateTimeKind.Utc);

    private static JsonObject Vweb(string image = "kiamol/ch09-vweb:v1", int replicas = 2, string labels = "\"kiamol\":\"ch09\"") => JsonAssert.Object("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","labels":{LABELS}},
         "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"vweb"}},
           "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
             "spec":{"containers":[{"name":"web","image":"IMAGE","ports":[{"name":"http","containerPort":80}]}]}}}}
        """
        .Replace("LABELS", labels, StringComparison.Ordinal)
        .Replace("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("IMAGE", image, StringComparison.Ordinal));

    private static JsonObject Apply(JsonObject? live, JsonObject config, string manager = "kubectl", bool force = false, DateTime? now = null) =>
        ServerSideApply.Apply(live, config, typeof(V1Deployment), manager, force, now ?? T0);

    private static JsonObject Update(JsonObject old, Action<JsonObject> change, string manager, DateTime now)
    {
        var updated = old.DeepClone().AsObject();
        change(updated);
        updated["metadata"]!["managedFields"] = UpdateOwnership.Record(old, updated, typeof(V1Deployment), manager, "apps/v1", now);
        return updated;
    }

    private static JsonNode Image(JsonObject deployment) => deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!;

    [Fact]
    public void CreateRecordsTheAppliedFieldsInFieldsV1()
    {
        var created = Apply(null, Vweb());

        var entry = Assert.Single(created["metadata"]!["managedFields"]!.AsArray())!;
        Assert.Equal("kubectl", (string?)entry["manager"]);
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("apps/v1", (string?)entry["apiVersion"]);
        Assert.Equal("2026-11-29T01:00:00Z", (string?)entry["time"]);
        Assert.Equal("FieldsV1", (string?)entry["fieldsType"]);
        JsonAssert.Equal("""
            {"f:metadata":{"f:labels":{"f:kiamol":{}}},
             "f:spec":{"f:replicas":{},"f:selector":{},
               "f:template":{"f:metadata":{"f:labels":{"f:app":{},"f:version":{}}},
                 "f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},
                   "f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:name":{}}}}}}}}}
            """, entry["fieldsV1"]);
        Assert.Equal("kiamol/ch09-vweb:v1", (string?)Image(created));
    }

    [Fact]
    public void FieldsV1RoundTrips()
    {
        var fields = JsonAssert.Object("""{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:x":{"k:{\"name\":\"a\"}":{".":{},"f:y":{}}}}}""");

        JsonAssert.Equal(fields.ToJsonString(), FieldSet.FromFieldsV1(fields).ToFieldsV1());
    }

    [Fact]
    public void FieldsNoLongerAppliedAreRemoved()
    {
        var live = Apply(null, Vweb(labels: "\"kiamol\":\"ch09\",\"tier\":\"web\""));

        var result = Apply(live, Vweb(labels: "\"kiamol\":\"ch09\""), now: T0.AddMinutes(1));

        JsonAssert.Equal("""{"kiamol":"ch09"}""", result["metadata"]!["labels"]);
    }

    [Fact]
    public void RemovingTheLastLabelRemovesTheMap()
    {
        var live = Apply(null, Vweb(labels: "\"tier\":\"web\""));
        var config = Vweb();
        config["metadata"]!.AsObject().Remove("labels");

        var result = Apply(live, config);

        Assert.False(result["metadata"]!.AsObject().ContainsKey("labels"));
    }

    [Fact]
    public void FieldsAnotherManagerOwnsStay()
    {
        var live = Apply(null, Vweb(labels: "\"kiamol\":\"ch09\",\"tier\":\"web\""));
        live = Update(live, d => d["metadata"]!["labels"]!["tier"] = "frontend", "kubectl-label", T0.AddSeconds(10));

        var result = Apply(live, Vweb(), now: T0.AddMinutes(1));

        JsonAssert.Equal("""{"kiamol":"ch09","tier":"frontend"}""", result["metadata"]!["labels"]);
    }

    [Fact]
    public void ChangingAValueAnUpdaterOwnsIsAConflict()
    {
        var live = Apply(null, Vweb());
        live = Update(live, d => d["spec"]!["replicas"] = 5, "kubectl-edit", T0.AddSeconds(10));

        var error = Assert.Throws<StoreConflictException>(() => Apply(live, Vweb(replicas: 3)));

        Assert.Equal(409, error.Code);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas", error.Message);
        var cause = Assert.Single(error.Details!.Causes);
        Assert.Equal("FieldManagerConflict", cause.Reason);
        Assert.Equal(".spec.replicas", cause.Field);
        Assert.Equal("conflict with \"kubectl-edit\" using apps/v1", cause.Message);
    }

    [Fact]
    public void ApplyingTheSameValueSharesOwnership()
    {
        var live = Apply(null, Vweb());
        live = Update(live, d => d["spec"]!["replicas"] = 5, "kubectl-edit", T0.AddSeconds(10));

        var result = Apply(live, Vweb(replicas: 5), now: T0.AddMinutes(1));

        var owners = Owners(result, ".spec.replicas");
        Assert.Equal(["kubectl", "kubectl-edit"], owners);
    }

    [Fact]
    public void ForceTakesOwnership()
    {
        var live = Apply(null, Vweb());
        live = Update(live, d => d["spec"]!["replicas"] = 5, "kubectl-edit", T0.AddSeconds(10));

        var result = Apply(live, Vweb(replicas: 3), force: true, now: T0.AddMinutes(1));

        Assert.Equal(3, (int)result["spec"]!["replicas"]!);
        Assert.Equal(["kubectl"], Owners(result, ".spec.replicas"));
        Assert.DoesNotContain(result["metadata"]!["managedFields"]!.AsArray(), e => (string?)e!["manager"] == "kubectl-edit");
    }

    [Fact]
    public void ApplyAfterRolloutUndoConflictsWithTheRollback()
    {
        var live = Apply(null, Vweb(image: "kiamol/ch09-vweb:v2"));
        live = Update(live, d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "kiamol/ch09-vweb:v1", "kubectl-rollout", T0.AddSeconds(30));

        var error = Assert.Throws<StoreConflictException>(() => Apply(live, Vweb(image: "kiamol/ch09-vweb:v3")));
        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"kubectl-rollout\" using apps/v1: .spec.template.spec.containers[name=\"web\"].image",
            error.Message);

        // Re-applying what the rollback left is no conflict; forcing v3 takes the image back.
        Apply(live, Vweb(image: "kiamol/ch09-vweb:v1"));
        var forced = Apply(live, Vweb(image: "kiamol/ch09-vweb:v3"), force: true);
        Assert.Equal("kiamol/ch09-vweb:v3", (string?)Image(forced));
    }

    [Fact]
    public void ConflictsWithSeveralManagersAreListedByManager()
    {
        var live = Apply(null, Vweb());
        live = Update(live, d => d["spec"]!["replicas"] = 5, "b-manager", T0.AddSeconds(10));
        live = Update(live, d => d["metadata"]!["labels"]!["kiamol"] = "x", "a-manager", T0.AddSeconds(20));

        var error = Assert.Throws<StoreConflictException>(() => Apply(live, Vweb(replicas: 3)));

        Assert.Equal(
            "Apply failed with 2 conflicts: conflicts with \"a-manager\" using apps/v1:\n- .metadata.labels.kiamol\nconflicts with \"b-manager\" using apps/v1:\n- .spec.replicas",
            error.Message);
        Assert.Equal(2, error.Details!.Causes.Count);
    }

    [Fact]
    public void ListItemsMergeByKeyAndOtherManagersItemsStay()
    {
        var live = Apply(null, Vweb());
        live = Update(
            live,
            d => d["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(JsonNode.Parse("""{"name":"sidecar","image":"busybox"}""")),
            "kubectl-edit",
            T0.AddSeconds(10));

        var result = Apply(live, Vweb(image: "kiamol/ch09-vweb:v2"), now: T0.AddMinutes(1));

        var containers = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["web", "sidecar"], containers.Select(c => (string?)c!["name"]).ToList());
        Assert.Equal("kiamol/ch09-vweb:v2", (string?)containers[0]!["image"]);
    }

    [Fact]
    public void DefaultedFieldsNobodyAppliedSurviveReapply()
    {
        var live = Apply(null, Vweb());
        live["spec"]!["revisionHistoryLimit"] = 10;

        var result = Apply(live, Vweb(replicas: 4), now: T0.AddMinutes(1));

        Assert.Equal(10, (int)result["spec"]!["revisionHistoryLimit"]!);
        Assert.Equal(4, (int)result["spec"]!["replicas"]!);
        Assert.Equal("2026-11-29T01:01:00Z", (string?)result["metadata"]!["managedFields"]![0]!["time"]);
    }

    [Fact]
    public void ManagedFieldsInTheConfigurationAreRejected()
    {
        var config = Vweb();
        config["metadata"]!["managedFields"] = new JsonArray();

        var error = Assert.ThrowsAny<StoreException>(() => Apply(null, config));
        Assert.Equal(400, error.Code);
        Assert.Equal("metadata.managedFields must be nil", error.Message);
    }

    [Fact]
    public void ApplyDoesNotChangeItsInputs()
    {
        var live = Apply(null, Vweb());
        var liveText = live.ToJsonString();
        var config = Vweb(replicas: 7);
        var configText = config.ToJsonString();

        Apply(live, config);

        Assert.Equal(liveText, live.ToJsonString());
        Assert.Equal(configText, config.ToJsonString());
    }

    private static List<string> Owners(JsonObject obj, string field) =>
        ManagedFieldsCodec.Read(obj)
            .Where(e => e.Fields.Paths.Any(p => p.ToString() == field))
            .Select(e => e.Manager)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void ApplyingTheLiveValuesMakesTheApplierACoOwner()
    {
        var created = Apply(null, Vweb(), manager: "first");

        var shared = Apply(created, Vweb(), manager: "second", now: T0.AddMinutes(1));

        var managers = shared["metadata"]!["managedFields"]!.AsArray().Select(e => ((string?)e!["manager"], (string?)e["operation"])).ToList();
        Assert.Equal([("first", "Apply"), ("second", "Apply")], managers);
        var second = shared["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == "second")!;
        Assert.NotNull(second["fieldsV1"]!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"web\"}"]!["f:image"]);
        var conflict = Assert.Throws<StoreConflictException>(() => Apply(shared, Vweb(image: "kiamol/ch09-vweb:v3"), manager: "first"));
        Assert.Contains("conflict with \"second\": .spec.template.spec.containers[name=\"web\"].image", conflict.Message);
    }

    [Fact]
    public void TheFirstApplyAfterAResetCoOwnsWithBeforeFirstApply()
    {
        var live = Apply(null, Vweb());
        live["metadata"]!.AsObject().Remove("managedFields");

        var applied = Apply(live, Vweb(), manager: "helm");
        var conflict = Assert.Throws<StoreConflictException>(() => Apply(live, Vweb(image: "kiamol/ch09-vweb:v2"), manager: "helm"));

        var managers = applied["metadata"]!["managedFields"]!.AsArray().Select(e => ((string?)e!["manager"], (string?)e["operation"])).ToList();
        Assert.Equal([("helm", "Apply"), ("before-first-apply", "Update")], managers);
        Assert.StartsWith("Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KubectlTakesOverWhatItAppliedClientSideAndKeepsTheAnnotationInStep()
    {
        var lastApplied = Vweb();
        var live = Vweb();
        live["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = lastApplied.ToJsonString() };
        live["metadata"]!["managedFields"] = UpdateOwnership.Record(null, live, typeof(V1Deployment), "kubectl-client-side-apply", "apps/v1", T0);
        var edited = Update(live, o => o["spec"]!["replicas"] = 5, "kubectl-scale", T0);

        var migrated = Apply(edited, Vweb(image: "kiamol/ch09-vweb:v2", replicas: 5), manager: "kubectl");
        var otherManager = Assert.Throws<StoreConflictException>(() => Apply(edited, Vweb(image: "kiamol/ch09-vweb:v2", replicas: 5), manager: "ci"));
        var scaledByOthers = Assert.Throws<StoreConflictException>(() => Apply(edited, Vweb(replicas: 3), manager: "kubectl"));

        Assert.Equal("kiamol/ch09-vweb:v2", (string?)Image(migrated));
        var annotation = (string?)migrated["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"];
        Assert.Contains("\"image\":\"kiamol/ch09-vweb:v2\"", annotation);
        Assert.Contains("conflict with \"kubectl-client-side-apply\"", otherManager.Message);
        Assert.Contains("conflict with \"kubectl-scale\" using apps/v1: .spec.replicas", scaledByOthers.Message);
    }
}
