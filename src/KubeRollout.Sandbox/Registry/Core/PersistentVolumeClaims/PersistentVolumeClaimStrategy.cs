using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.PersistentVolumeClaims;

/// <summary>core/v1 persistentvolumeclaims: no generation; a new claim is Pending until it is bound.</summary>
public sealed class PersistentVolumeClaimStrategy : ResourceStrategy<V1PersistentVolumeClaim>
{
    public static readonly ResourceType Type = new("", "v1", "persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", Namespaced: true, typeof(V1PersistentVolumeClaim));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["pvc"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new PersistentVolumeClaimPrinter();

    protected override void Default(V1PersistentVolumeClaim obj, V1PersistentVolumeClaim? old) => PersistentVolumeClaimDefaults.Apply(obj);

    protected override void PrepareForCreate(V1PersistentVolumeClaim obj) => obj.Status = new V1PersistentVolumeClaimStatus { Phase = "Pending" };

    protected override void Validate(V1PersistentVolumeClaim obj, V1PersistentVolumeClaim? old, FieldErrors errors) =>
        PersistentVolumeClaimValidation.Validate(obj, errors);
}
