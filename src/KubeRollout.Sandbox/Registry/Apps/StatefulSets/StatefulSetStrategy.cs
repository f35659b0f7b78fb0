using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Apps.StatefulSets;

/// <summary>apps/v1 statefulsets (pkg/registry/apps/statefulset): generation 1 on create, bumped by every change of the spec.</summary>
public sealed class StatefulSetStrategy : ResourceStrategy<V1StatefulSet>
{
    public static readonly ResourceType Type = new("apps", "v1", "statefulsets", "statefulset", "StatefulSet", Namespaced: true, typeof(V1StatefulSet));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["sts"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status", "scale"];

    public override ITablePrinter Printer { get; } = new StatefulSetPrinter();

    protected override void Default(V1StatefulSet obj, V1StatefulSet? old) => StatefulSetDefaults.Apply(obj);

    protected override void PrepareForCreate(V1StatefulSet obj)
    {
        obj.Status = new V1StatefulSetStatus();
        Generation.Start(obj.Metadata);
    }

    protected override void PrepareForUpdate(V1StatefulSet obj, V1StatefulSet old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1StatefulSet obj, V1StatefulSet? old, FieldErrors errors) => StatefulSetValidation.Validate(obj, old, errors);
}
