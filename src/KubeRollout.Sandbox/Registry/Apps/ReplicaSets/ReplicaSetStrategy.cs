using System.Globalization;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Apps.ReplicaSets;

/// <summary>apps/v1 replicasets (pkg/registry/apps/replicaset): generation 1 on create, bumped by every change of the spec.</summary>
public sealed class ReplicaSetStrategy : ResourceStrategy<V1ReplicaSet>
{
    public static readonly ResourceType Type = new("apps", "v1", "replicasets", "replicaset", "ReplicaSet", Namespaced: true, typeof(V1ReplicaSet));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["rs"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status", "scale"];

    public override ITablePrinter Printer { get; } = new ReplicaSetPrinter();

    public override IReadOnlyDictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>> SelectableFields { get; } =
        new Dictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>>
        {
            ["status.replicas"] = o => (((V1ReplicaSet)o).Status?.Replicas ?? 0).ToString(CultureInfo.InvariantCulture),
        };

    protected override void Default(V1ReplicaSet obj, V1ReplicaSet? old) => ReplicaSetDefaults.Apply(obj);

    protected override void PrepareForCreate(V1ReplicaSet obj)
    {
        obj.Status = new V1ReplicaSetStatus();
        Generation.Start(obj.Metadata);
    }

    protected override void PrepareForUpdate(V1ReplicaSet obj, V1ReplicaSet old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1ReplicaSet obj, V1ReplicaSet? old, FieldErrors errors) => ReplicaSetValidation.Validate(obj, old, errors);
}
