using k8s.Models;
using KubeRollout.Core.Apply.Merging;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Tests.Apply.Merging;

/// <summary>The merge-key table against the models and the Kubernetes OpenAPI's x-kubernetes-patch-merge-key values.</summary>
public class PatchRulesTests
{
    public static TheoryData<Type, string, string?, string> PublishedRules => new()
    {
        // (model, field, x-kubernetes-patch-merge-key, x-kubernetes-patch-strategy) as Kubernetes 1.35 publishes them
        { typeof(V1PodSpec), "containers", "name", "merge" },
        { typeof(V1PodSpec), "initContainers", "name", "merge" },
        { typeof(V1PodSpec), "ephemeralContainers", "name", "merge" },
        { typeof(V1PodSpec), "volumes", "name", "merge,retainKeys" },
        { typeof(V1PodSpec), "imagePullSecrets", "name", "merge" },
        { typeof(V1PodSpec), "hostAliases", "ip", "merge" },
        { typeof(V1PodSpec), "topologySpreadConstraints", "topologyKey", "merge" },
        { typeof(V1PodSpec), "schedulingGates", "name", "merge" },
        { typeof(V1PodSpec), "resourceClaims", "name", "merge,retainKeys" },
        { typeof(V1PodSpec), "tolerations", null, "" },
        { typeof(V1Container), "ports", "containerPort", "merge" },
        { typeof(V1Container), "env", "name", "merge" },
        { typeof(V1Container), "envFrom", null, "" },
        { typeof(V1Container), "volumeMounts", "mountPath", "merge" },
        { typeof(V1Container), "volumeDevices", "devicePath", "merge" },
        { typeof(V1Container), "args", null, "" },
        { typeof(V1EphemeralContainer), "ports", "containerPort", "merge" },
        { typeof(V1ServiceSpec), "ports", "port", "merge" },
        { typeof(V1ObjectMeta), "ownerReferences", "uid", "merge" },
        { typeof(V1ObjectMeta), "finalizers", null, "merge" },
        { typeof(V1DeploymentSpec), "strategy", null, "retainKeys" },
        { typeof(V1StatefulSetSpec), "updateStrategy", null, "" },
        { typeof(V1DaemonSetSpec), "updateStrategy", null, "" },
        { typeof(V1DeploymentStatus), "conditions", "type", "merge" },
        { typeof(V1PodStatus), "conditions", "type", "merge" },
        { typeof(V1ServiceAccount), "secrets", "name", "merge" },
        { typeof(V1PodDisruptionBudgetSpec), "selector", null, "replace" },
        { typeof(V1ValidatingWebhookConfiguration), "webhooks", "name", "merge" },
    };

    [Theory]
    [MemberData(nameof(PublishedRules))]
    public void Matches_what_Kubernetes_publishes(Type model, string field, string? mergeKey, string strategy)
    {
        var rule = PatchRules.For(model, field);

        Assert.Equal((strategy, mergeKey), (rule.Strategy, rule.MergeKey));
    }

    [Fact]
    public void Every_rule_names_a_field_of_its_model_and_a_merge_key_its_items_have()
    {
        Assert.NotEmpty(PatchRules.All);
        Assert.All(PatchRules.All, entry =>
        {
            var properties = KubernetesModelTypes.PropertiesOf(entry.Model);
            Assert.True(properties.TryGetValue(entry.Field, out var property), $"{entry.Model.Name} has no field {entry.Field}");
            if (entry.Rule.MergeKey is { } key)
            {
                var item = KubernetesModelTypes.ListElementTypeOf(property!.PropertyType);
                Assert.True(item is not null, $"{entry.Model.Name}.{entry.Field} is not a list");
                Assert.True(KubernetesModelTypes.PropertiesOf(item!).ContainsKey(key), $"items of {entry.Model.Name}.{entry.Field} have no {key}");
            }
        });
    }

    [Fact]
    public void The_schema_follows_fields_down_to_the_container_ports()
    {
        var (_, podSpec) = PatchSchema.Of(typeof(V1Deployment)).Field("spec").Value.Field("template").Value.Field("spec");
        var (containersRule, container) = podSpec.Field("containers");
        var (portsRule, _) = container.Field("ports");
        var (labelsRule, labels) = PatchSchema.Of(typeof(V1Deployment)).Field("metadata").Value.Field("labels");

        Assert.Equal("name", containersRule.MergeKey);
        Assert.Equal("containerPort", portsRule.MergeKey);
        Assert.Equal(FieldPatchRule.Plain, labelsRule);
        Assert.Equal(FieldPatchRule.Plain, labels.Field("anything").Rule);
    }
}
