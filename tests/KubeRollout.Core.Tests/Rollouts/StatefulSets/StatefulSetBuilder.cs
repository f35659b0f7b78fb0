using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeRollout.Core.Tests.Rollouts.StatefulSets;

/// <summary>StatefulSets, DaemonSets, their ControllerRevisions and pods as the API and the controllers store them.</summary>
internal static class StatefulSetBuilder
{
    public const string Uid = "aaaaaaaa-2222-3333-4444-555555555555";

    public static V1PodTemplateSpec Template(string image) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "todo-db" } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "db", Image = image }] },
    };

    public static V1StatefulSet StatefulSet(
        string image, int replicas = 2, string strategy = "RollingUpdate", int? partition = 0, long generation = 1, V1StatefulSetStatus? status = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "todo-db", NamespaceProperty = "default", Uid = Uid, Generation = generation },
        Spec = new V1StatefulSetSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "todo-db" } },
            Template = Template(image),
            UpdateStrategy = new V1StatefulSetUpdateStrategy
            {
                Type = strategy,
                RollingUpdate = strategy == "RollingUpdate" && partition is not null ? new V1RollingUpdateStatefulSetStrategy { Partition = partition } : null,
            },
        },
        Status = status ?? new V1StatefulSetStatus { ObservedGeneration = generation, Replicas = replicas },
    };

    /// <summary>A ControllerRevision as the controller writes it: the template with a replace directive as data.</summary>
    public static V1ControllerRevision Revision(string hash, string image, long revision, string? cause = null, string? owner = Uid)
    {
        var template = JsonNode.Parse(KubernetesJson.Serialize(Template(image)))!.AsObject();
        template["$patch"] = "replace";
        return new V1ControllerRevision
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"todo-db-{hash}",
                NamespaceProperty = "default",
                Labels = new Dictionary<string, string> { ["app"] = "todo-db", ["controller-revision-hash"] = hash },
                Annotations = cause is null ? null : new Dictionary<string, string> { ["kubernetes.io/change-cause"] = cause },
                OwnerReferences = owner is null ? null : [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = "todo-db", Uid = owner, Controller = true }],
            },
            Data = new JsonObject { ["spec"] = new JsonObject { ["template"] = template } },
            Revision = revision,
        };
    }

    public static V1Pod Pod(string name, string revision, bool ready = true, string? node = null, string owner = Uid) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Uid = $"uid-{name}-{revision}",
            Labels = new Dictionary<string, string> { ["app"] = "todo-db", ["controller-revision-hash"] = revision },
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = "todo-db", Uid = owner, Controller = true }],
        },
        Spec = new V1PodSpec { NodeName = node, Containers = [] },
        Status = new V1PodStatus { Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };
}
