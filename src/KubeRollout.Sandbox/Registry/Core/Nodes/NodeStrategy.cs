using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Nodes;

/// <summary>core/v1 nodes: registered by their kubelets with their status; no generation.</summary>
public sealed class NodeStrategy : ResourceStrategy<V1Node>
{
    public static readonly ResourceType Type = new("", "v1", "nodes", "node", "Node", Namespaced: false, typeof(V1Node));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["no"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new NodePrinter();

    public override IReadOnlyDictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>> SelectableFields { get; } =
        new Dictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>>
        {
            ["spec.unschedulable"] = o => ((V1Node)o).Spec?.Unschedulable == true ? "true" : "false",
        };

    protected override void Validate(V1Node obj, V1Node? old, FieldErrors errors)
    {
    }
}
