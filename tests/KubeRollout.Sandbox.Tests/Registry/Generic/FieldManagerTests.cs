using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Sandbox.Patching;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Registry.Generic;

/// <summary>managedFields through the store: ordinary writes record Update entries, applies keep their own.</summary>
public class FieldManagerTests
{
    private const string Manifest = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","namespace":"default"},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"vweb"}},
           "template":{"metadata":{"labels":{"app":"vweb"}},"spec":{"containers":[{"name":"web","image":"IMAGE"}]}}}}
        """;

    private readonly RegistryFixture _fixture = new();

    private V1Deployment ServerSideApplyImage(string image, bool force = false)
    {
        var live = _fixture.Registry.Get<V1Deployment>("default", "vweb");
        var applied = JsonNode.Parse(Manifest.Replace("IMAGE", image, StringComparison.Ordinal))!.AsObject();
        var result = ServerSideApply.Apply(live is null ? null : ModelJson.ToNode(live), applied, typeof(V1Deployment), "kubectl", force, _fixture.Clock.UtcNow);
        var obj = (V1Deployment)ModelJson.FromNode(result, typeof(V1Deployment));
        var write = new WriteRequest("kubectl", IsApply: true);
        var resource = ResourceOf<V1Deployment>.Type;
        return (V1Deployment)(live is null ? _fixture.Registry.Create(resource, obj, write) : _fixture.Registry.Update(resource, obj, null, write));
    }

    [Fact]
    public void CreateRecordsAnUpdateEntryWithTheSandboxTime()
    {
        var created = _fixture.Registry.Create(
            RegistryFixture.Manifest<V1Deployment>(Manifest.Replace("IMAGE", "kiamol/ch09-vweb:v1", StringComparison.Ordinal)),
            "kubectl-client-side-apply");

        var entry = Assert.Single(created.Metadata.ManagedFields);
        Assert.Equal("kubectl-client-side-apply", entry.Manager);
        Assert.Equal("Update", entry.Operation);
        Assert.Equal("apps/v1", entry.ApiVersion);
        Assert.Equal("FieldsV1", entry.FieldsType);
        Assert.Equal(_fixture.Clock.UtcNow, entry.Time);
        var fields = JsonNode.Parse(ModelJson.Serialize(entry))!["fieldsV1"]!;
        Assert.NotNull(fields["f:spec"]!["f:progressDeadlineSeconds"]);
        Assert.NotNull(fields["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"web\"}"]!["f:imagePullPolicy"]);
    }

    [Fact]
    public void ApplyEntriesSurviveTheStoreAndDefaultsStayUnowned()
    {
        var created = ServerSideApplyImage("kiamol/ch09-vweb:v1");

        var entry = Assert.Single(created.Metadata.ManagedFields);
        Assert.Equal("Apply", entry.Operation);
        Assert.Equal(600, created.Spec.ProgressDeadlineSeconds);
        var fields = JsonNode.Parse(ModelJson.Serialize(entry))!["fieldsV1"]!;
        Assert.Null(fields["f:spec"]!["f:progressDeadlineSeconds"]);
    }

    [Fact]
    public void ApplyAfterRolloutUndoConflictsUntilForced()
    {
        ServerSideApplyImage("kiamol/ch09-vweb:v1");
        _fixture.Clock.UtcNow = _fixture.Clock.UtcNow.AddMinutes(1);
        ServerSideApplyImage("kiamol/ch09-vweb:v2");

        // kubectl rollout undo: a JSON patch replacing the template, written by another manager.
        _fixture.Clock.UtcNow = _fixture.Clock.UtcNow.AddMinutes(1);
        var live = ModelJson.ToNode(_fixture.Registry.Get<V1Deployment>("default", "vweb")!);
        var template = live["spec"]!["template"]!.DeepClone();
        template["spec"]!["containers"]![0]!["image"] = "kiamol/ch09-vweb:v1";
        var undone = JsonPatch.Apply(live, new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = template }));
        var rolledBack = _fixture.Registry.Update((V1Deployment)ModelJson.FromNode(undone, typeof(V1Deployment)), "kubectl-rollout");
        Assert.Contains(rolledBack.Metadata.ManagedFields, e => e.Manager == "kubectl-rollout" && e.Operation == "Update");

        var conflict = Assert.Throws<StoreConflictException>(() => ServerSideApplyImage("kiamol/ch09-vweb:v3"));
        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"kubectl-rollout\" using apps/v1: .spec.template.spec.containers[name=\"web\"].image",
            conflict.Message);

        var forced = ServerSideApplyImage("kiamol/ch09-vweb:v3", force: true);
        Assert.Equal("kiamol/ch09-vweb:v3", forced.Spec.Template.Spec.Containers[0].Image);
        Assert.DoesNotContain(forced.Metadata.ManagedFields, e => e.Manager == "kubectl-rollout");
    }

    [Fact]
    public void ANoOpWriteChangesNothing()
    {
        var created = _fixture.Registry.Create(
            RegistryFixture.Manifest<V1Deployment>(Manifest.Replace("IMAGE", "nginx:1.25", StringComparison.Ordinal)),
            "kubectl-create");
        _fixture.Clock.UtcNow = _fixture.Clock.UtcNow.AddHours(1);

        var again = _fixture.Registry.Update(RegistryFixture.Manifest<V1Deployment>(ModelJson.Serialize(created)), "kube-controller-manager");

        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
        Assert.Equal("kubectl-create", Assert.Single(again.Metadata.ManagedFields).Manager);
    }

    [Fact]
    public void AWriteThatOnlyMovesOwnershipIsStored()
    {
        var created = _fixture.Registry.Create(
            RegistryFixture.Manifest<V1Deployment>(Manifest.Replace("IMAGE", "nginx:1.25", StringComparison.Ordinal)), "helm");
        var migrated = RegistryFixture.Copy(created);
        migrated.Metadata.ManagedFields[0].Operation = "Apply";
        migrated.Metadata.ManagedFields[0].Time = null;

        var stored = _fixture.Registry.Update(migrated, "helm");

        Assert.NotEqual(created.Metadata.ResourceVersion, stored.Metadata.ResourceVersion);
        var entry = Assert.Single(stored.Metadata.ManagedFields);
        Assert.Equal(("helm", "Apply"), (entry.Manager, entry.Operation));
        Assert.Equal(created.Metadata.Generation, stored.Metadata.Generation);
    }

    [Fact]
    public void AnApplyOfTheLiveValuesIsStoredAsSharedOwnership()
    {
        var first = ServerSideApplyImage("nginx:1.25");

        var live = ModelJson.ToNode(first);
        var applied = JsonNode.Parse(Manifest.Replace("IMAGE", "nginx:1.25", StringComparison.Ordinal))!.AsObject();
        var result = ServerSideApply.Apply(live, applied, typeof(V1Deployment), "argo", force: false, _fixture.Clock.UtcNow);
        var shared = (V1Deployment)_fixture.Registry.Update(ResourceOf<V1Deployment>.Type, (V1Deployment)ModelJson.FromNode(result, typeof(V1Deployment)), null, new WriteRequest("argo", IsApply: true));

        Assert.NotEqual(first.Metadata.ResourceVersion, shared.Metadata.ResourceVersion);
        Assert.Equal(["kubectl", "argo"], shared.Metadata.ManagedFields.Select(e => e.Manager).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(first.Metadata.Generation, shared.Metadata.Generation);
    }
}
