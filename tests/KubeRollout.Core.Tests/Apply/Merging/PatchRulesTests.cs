using k8s.Models;
using KubeRollout.Core.Apply.Merging;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Tests.Apply.Merging;

/// <summary>The merge-key table against the models and the Kubernetes OpenAPI's x-kubernetes-patch-merge-key values.</summary>
public class PatchRulesTests
{
    public static TheoryData<Type, string, string?, PatchStrategy> PublishedRules => new()
    {
        // (model, field, x-kubernetes-patch-merge-key, x-kubernetes-patch-strategy) as Kubernetes 1.35 publishes them
        { typeof(V1PodSpec), "containers", "name", PatchStrategy.Merge },
        { typeof(V1PodSpec), "initContainers", "name", PatchStrategy.Merge },
        { typeof(V1PodSpec), "ephemeralContainers", "name", PatchStrategy.Merge },
        { typeof(V1PodSpec), "volumes", "name", PatchStrategy.Merge | PatchStrategy.RetainKeys },
        { typeof(V1PodSpec), "imagePullSecrets", "name", PatchStrategy.Merge },
        { typeof(V1PodSpec), "hostAliases", "ip", PatchStrategy.Merge },
        { typeof(V1PodSpec), "topologySpreadConstraints", "topologyKey", PatchStrategy.Merge },
        { typeof(V1PodSpec), "schedulingGates", "name", PatchStrategy.Merge },
        { typeof(V1PodSpec), "resourceClaims", "name", PatchStrategy.Merge | PatchStrategy.RetainKeys },
        { typeof(V1PodSpec), "tolerations", null, PatchStrategy.None },
        { typeof(V1Container), "ports", "containerPort", PatchStrategy.Merge },
        { typeof(V1Container), "env", "name", PatchStrategy.Merge },
        { typeof(V1Container), "envFrom", null, PatchStrategy.None },
        { typeof(V1Container), "volumeMounts", "mountPath", PatchStrategy.Merge },
        { typeof(V1Container), "volumeDevices", "devicePath", PatchStrategy.Merge },
        { typeof(V1Container), "args", null, PatchStrategy.None },
        { typeof(V1EphemeralContainer), "ports", "containerPort", PatchStrategy.Merge },
        { typeof(V1ServiceSpec), "ports", "port", PatchStrategy.Merge },
        { typeof(V1ObjectMeta), "ownerReferences", "uid", PatchStrategy.Merge },
        { typeof(V1ObjectMeta), "finalizers", null, PatchStrategy.Merge },
        { typeof(V1DeploymentSpec), "strategy", null, PatchStrategy.RetainKeys },
        { typeof(V1StatefulSetSpec), "updateStrategy", null, PatchStrategy.None },
        { typeof(V1DaemonSetSpec), "updateStrategy", null, PatchStrategy.None },
        { typeof(V1DeploymentStatus), "conditions", "type", PatchStrategy.Merge },
        { typeof(V1PodStatus), "conditions", "type", PatchStrategy.Merge },
        { typeof(V1ServiceAccount), "secrets", "name", PatchStrategy.Merge },
        { typeof(V1PodDisruptionBudgetSpec), "selector", null, PatchStrategy.Replace },
        { typeof(V1ValidatingWebhookConfiguration), "webhooks", "name", PatchStrategy.Merge },
    };

    [Theory]
    [MemberData(nameof(PublishedRules))]
    public void Matches_what_Kubernetes_publishes(Type model, string field, string? mergeKey, PatchStrategy strategy)
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
