using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Apps.DaemonSets;

/// <summary>apps/v1 daemonsets (pkg/registry/apps/daemonset): generation 1 on create, bumped by every change of the spec.</summary>
public sealed class DaemonSetStrategy : ResourceStrategy<V1DaemonSet>
{
    public static readonly ResourceType Type = new("apps", "v1", "daemonsets", "daemonset", "DaemonSet", Namespaced: true, typeof(V1DaemonSet));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["ds"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new DaemonSetPrinter();

    protected override void Default(V1DaemonSet obj, V1DaemonSet? old) => DaemonSetDefaults.Apply(obj);

    protected override void PrepareForCreate(V1DaemonSet obj)
    {
        obj.Status = new V1DaemonSetStatus();
        Generation.Start(obj.Metadata);
    }

    protected override void PrepareForUpdate(V1DaemonSet obj, V1DaemonSet old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1DaemonSet obj, V1DaemonSet? old, FieldErrors errors) => DaemonSetValidation.Validate(obj, old, errors);
}
