using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.ReplicationControllers;

/// <summary>
/// core/v1 replicationcontrollers (pkg/registry/core/replicationcontroller), stored: no controller makes their pods.
/// Generation 1 on create, bumped by a spec change; status and scale subresources.
/// </summary>
public sealed class ReplicationControllerStrategy : ResourceStrategy<V1ReplicationController>
{
    public static readonly ResourceType Type = new("", "v1", "replicationcontrollers", "replicationcontroller", "ReplicationController", Namespaced: true, typeof(V1ReplicationController));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["rc"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status", "scale"];

    public override ITablePrinter Printer { get; } = new ReplicationControllerPrinter();

    protected override void Default(V1ReplicationController obj, V1ReplicationController? old) => ReplicationControllerDefaults.Apply(obj);

    protected override void PrepareForCreate(V1ReplicationController obj)
    {
        obj.Status = new V1ReplicationControllerStatus { Replicas = 0 };
        Generation.Start(obj.Metadata);
    }

    protected override void PrepareForUpdate(V1ReplicationController obj, V1ReplicationController old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1ReplicationController obj, V1ReplicationController? old, FieldErrors errors) =>
        ReplicationControllerValidation.Validate(obj, errors);
}
