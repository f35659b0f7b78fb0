using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Sandbox.Patching;

namespace KubeRollout.Sandbox.Tests.Patching;

public class UpdateOwnershipTests
{
    private static readonly DateTime T0 = new(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void CreateOwnsEveryFieldItSets()
    {
        var created = JsonAssert.Object("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","uid":"u","labels":{"app":"vweb"}},
             "spec":{"replicas":1,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%"}}},"status":{"replicas":0}}
            """);

        var fields = UpdateOwnership.Record(null, created, typeof(V1Deployment), "kubectl-create", "apps/v1", T0);

        var entry = Assert.Single(fields)!;
        Assert.Equal("kubectl-create", (string?)entry["manager"]);
        Assert.Equal("Update", (string?)entry["operation"]);
        JsonAssert.Equal("""
            {"f:metadata":{".":{},"f:labels":{".":{},"f:app":{}}},
             "f:spec":{".":{},"f:replicas":{},"f:strategy":{".":{},"f:rollingUpdate":{".":{},"f:maxSurge":{}},"f:type":{}}}}
            """, entry["fieldsV1"]);
    }

    [Fact]
    public void AWriteTakesTheFieldsItChangesFromOthers()
    {
        var v1 = JsonAssert.Object("""{"metadata":{"name":"vweb","annotations":{"a":"1"}},"spec":{"replicas":1,"paused":true}}""");
        v1["metadata"]!["managedFields"] = UpdateOwnership.Record(null, v1, typeof(V1Deployment), "kubectl-create", "apps/v1", T0);
        var v2 = v1.DeepClone().AsObject();
        v2["spec"]!["replicas"] = 3;
        v2["spec"]!.AsObject().Remove("paused");

        var fields = UpdateOwnership.Record(v1, v2, typeof(V1Deployment), "kubectl-scale", "apps/v1", T0.AddMinutes(1));

        Assert.Equal(2, fields.Count);
        JsonAssert.Equal("""{"f:metadata":{".":{},"f:annotations":{".":{},"f:a":{}}},"f:spec":{}}""", fields[0]!["fieldsV1"]);
        Assert.Equal("kubectl-scale", (string?)fields[1]!["manager"]);
        Assert.Equal("2026-11-29T02:01:00Z", (string?)fields[1]!["time"]);
        JsonAssert.Equal("""{"f:spec":{"f:replicas":{}}}""", fields[1]!["fieldsV1"]);
    }

    [Fact]
    public void ANoOpWriteKeepsTheEntries()
    {
        var v1 = JsonAssert.Object("""{"metadata":{"name":"vweb"},"spec":{"replicas":1}}""");
        v1["metadata"]!["managedFields"] = UpdateOwnership.Record(null, v1, typeof(V1Deployment), "kubectl-create", "apps/v1", T0);

        var fields = UpdateOwnership.Record(v1, v1.DeepClone().AsObject(), typeof(V1Deployment), "other", "apps/v1", T0.AddHours(1));

        JsonAssert.Equal(v1["metadata"]!["managedFields"]!.ToJsonString(), fields);
    }

    [Fact]
    public void ValidEntriesSentWithAWriteReplaceTheStoredOnes()
    {
        var v1 = JsonAssert.Object("""{"metadata":{"name":"vweb"},"spec":{"replicas":1}}""");
        v1["metadata"]!["managedFields"] = UpdateOwnership.Record(null, v1, typeof(V1Deployment), "helm", "apps/v1", T0);
        var migrated = v1.DeepClone().AsObject();
        migrated["metadata"]!["managedFields"]![0]!["operation"] = "Apply";
        migrated["metadata"]!["managedFields"]![0]!.AsObject().Remove("time");

        var fields = UpdateOwnership.Record(v1, migrated, typeof(V1Deployment), "helm", "apps/v1", T0.AddHours(1));

        var entry = Assert.Single(fields)!;
        Assert.Equal(("helm", "Apply"), ((string?)entry["manager"], (string?)entry["operation"]));
        Assert.Null(entry["time"]);
        JsonAssert.Equal("""{"f:spec":{".":{},"f:replicas":{}}}""", entry["fieldsV1"]);
    }

    [Theory]
    [InlineData("""[{}]""")]
    [InlineData("""[]""")]
    public void AnEmptyListOrOneEmptyEntryResetsThemAndLaterUpdatesTrackNothing(string reset)
    {
        var v1 = JsonAssert.Object("""{"metadata":{"name":"vweb"},"spec":{"replicas":1}}""");
        v1["metadata"]!["managedFields"] = UpdateOwnership.Record(null, v1, typeof(V1Deployment), "helm", "apps/v1", T0);
        var cleared = v1.DeepClone().AsObject();
        cleared["metadata"]!["managedFields"] = JsonNode.Parse(reset);

        var afterReset = UpdateOwnership.Record(v1, cleared, typeof(V1Deployment), "kubectl-patch", "apps/v1", T0);
        cleared["metadata"]!["managedFields"] = afterReset;
        var scaled = cleared.DeepClone().AsObject();
        scaled["spec"]!["replicas"] = 3;
        var afterScale = UpdateOwnership.Record(cleared, scaled, typeof(V1Deployment), "kubectl-scale", "apps/v1", T0);

        Assert.Empty(afterReset);
        Assert.Empty(afterScale);
    }

    [Fact]
    public void InvalidEntriesSentWithAWriteLeaveTheStoredOnes()
    {
        var v1 = JsonAssert.Object("""{"metadata":{"name":"vweb"},"spec":{"replicas":1}}""");
        v1["metadata"]!["managedFields"] = UpdateOwnership.Record(null, v1, typeof(V1Deployment), "helm", "apps/v1", T0);
        var broken = v1.DeepClone().AsObject();
        broken["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"x","operation":"Patch","apiVersion":"apps/v1","fieldsType":"FieldsV1","fieldsV1":{}}]""");

        var fields = UpdateOwnership.Record(v1, broken, typeof(V1Deployment), "other", "apps/v1", T0.AddHours(1));

        JsonAssert.Equal(v1["metadata"]!["managedFields"]!.ToJsonString(), fields);
    }
}
