using k8s.Models;

namespace KubeRollout.Core.Apply.Merging;

/// <summary>
/// The strategic-merge metadata of the built-in kinds: every field that Kubernetes 1.35 tags with a
/// <c>patchStrategy</c> (and <c>patchMergeKey</c>), which the API server publishes as
/// <c>x-kubernetes-patch-strategy</c> / <c>x-kubernetes-patch-merge-key</c> and which kubectl apply uses.
/// Taken from the struct tags compiled into kubectl 1.35; fields not listed merge as plain objects, and their lists
/// (tolerations, envFrom, args, ...) are replaced whole. Container ports merge by containerPort alone, as kubectl
/// does, even though server-side apply identifies them by containerPort and protocol
/// (<c>x-kubernetes-list-map-keys</c>).
/// </summary>
public static class PatchRules
{
    private static readonly IReadOnlyDictionary<(Type Model, string Field), FieldPatchRule> Rules = Build();

    /// <summary>The rule of a field of a model type (<see cref="FieldPatchRule.Plain"/> when it has none).</summary>
    public static FieldPatchRule For(Type model, string field) => Rules.GetValueOrDefault((model, field), FieldPatchRule.Plain);

    /// <summary>Every field with a rule, for checks against a cluster's published schema.</summary>
    public static IEnumerable<(Type Model, string Field, FieldPatchRule Rule)> All => Rules.Select(r => (r.Key.Model, r.Key.Field, r.Value));

    private static Dictionary<(Type, string), FieldPatchRule> Build()
    {
        var rules = new Dictionary<(Type, string), FieldPatchRule>();
        void Keyed(string key, string field, params Type[] models) => Add(new FieldPatchRule(MergesList: true, MergeKey: key), field, models);
        void Add(FieldPatchRule rule, string field, params Type[] models)
        {
            foreach (var model in models)
            {
                rules.Add((model, field), rule);
            }
        }

        // Object metadata: owners by uid; finalizers are a set of strings.
        Keyed("uid", "ownerReferences", typeof(V1ObjectMeta));
        Add(new FieldPatchRule(MergesList: true), "finalizers", typeof(V1ObjectMeta));

        // Pods and pod templates.
        Keyed("name", "containers", typeof(V1PodSpec));
        Keyed("name", "initContainers", typeof(V1PodSpec));
        Keyed("name", "ephemeralContainers", typeof(V1PodSpec));
        Keyed("name", "imagePullSecrets", typeof(V1PodSpec));
        Keyed("name", "schedulingGates", typeof(V1PodSpec));
        Keyed("ip", "hostAliases", typeof(V1PodSpec));
        Keyed("topologyKey", "topologySpreadConstraints", typeof(V1PodSpec));
        var mergeRetainingKeys = new FieldPatchRule(MergesList: true, MergeKey: "name", RetainsKeys: true);
        Add(mergeRetainingKeys, "volumes", typeof(V1PodSpec));
        Add(mergeRetainingKeys, "resourceClaims", typeof(V1PodSpec));
        Keyed("containerPort", "ports", typeof(V1Container), typeof(V1EphemeralContainer));
        Keyed("name", "env", typeof(V1Container), typeof(V1EphemeralContainer));
        Keyed("mountPath", "volumeMounts", typeof(V1Container), typeof(V1EphemeralContainer), typeof(V1ContainerStatus));
        Keyed("devicePath", "volumeDevices", typeof(V1Container), typeof(V1EphemeralContainer));
        Keyed("name", "allocatedResourcesStatus", typeof(V1ContainerStatus));
        Keyed("ip", "podIPs", typeof(V1PodStatus));
        Keyed("ip", "hostIPs", typeof(V1PodStatus));
        Add(mergeRetainingKeys, "resourceClaimStatuses", typeof(V1PodStatus));

        // Workloads: a Deployment's strategy drops the other strategy's settings when the type changes.
        Add(new FieldPatchRule(RetainsKeys: true), "strategy", typeof(V1DeploymentSpec));

        // Services, service accounts, nodes, disruption budgets.
        Keyed("port", "ports", typeof(V1ServiceSpec));
        Keyed("name", "secrets", typeof(V1ServiceAccount));
        Keyed("type", "addresses", typeof(V1NodeStatus));
        Add(new FieldPatchRule(MergesList: true), "podCIDRs", typeof(V1NodeSpec));
        Add(new FieldPatchRule(Replaces: true), "selector", typeof(V1PodDisruptionBudgetSpec));

        // Admission, storage and dynamic resources.
        Keyed("name", "webhooks", typeof(V1ValidatingWebhookConfiguration), typeof(V1MutatingWebhookConfiguration));
        Keyed("name", "matchConditions", typeof(V1ValidatingWebhook), typeof(V1MutatingWebhook), typeof(V1ValidatingAdmissionPolicySpec));
        Keyed("name", "variables", typeof(V1ValidatingAdmissionPolicySpec));
        Keyed("name", "drivers", typeof(V1CSINodeSpec));
        Keyed("uid", "reservedFor", typeof(V1ResourceClaimStatus), typeof(V1beta1ResourceClaimStatus), typeof(V1beta2ResourceClaimStatus));

        // Status conditions, one per type.
        Keyed("type", "conditions",
            typeof(V1PodStatus), typeof(V1NodeStatus), typeof(V1NamespaceStatus), typeof(V1ServiceStatus),
            typeof(V1PersistentVolumeClaimStatus), typeof(V1ReplicationControllerStatus), typeof(V1ComponentStatus),
            typeof(V1DeploymentStatus), typeof(V1ReplicaSetStatus), typeof(V1StatefulSetStatus), typeof(V1DaemonSetStatus),
            typeof(V1JobStatus), typeof(V1PodDisruptionBudgetStatus), typeof(V2HorizontalPodAutoscalerStatus),
            typeof(V1FlowSchemaStatus), typeof(V1PriorityLevelConfigurationStatus));
        return rules;
    }
}
