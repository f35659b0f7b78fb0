using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.PersistentVolumes;

/// <summary>
/// core/v1 persistentvolumes (pkg/registry/core/persistentvolume), cluster-scoped and stored: no generation; a new
/// volume is Pending since its creation (lastPhaseTransitionTime). No volume controller binds claims to volumes.
/// </summary>
public sealed class PersistentVolumeStrategy : ResourceStrategy<V1PersistentVolume>
{
    public static readonly ResourceType Type = new("", "v1", "persistentvolumes", "persistentvolume", "PersistentVolume", Namespaced: false, typeof(V1PersistentVolume));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["pv"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new PersistentVolumePrinter();

    protected override void Default(V1PersistentVolume obj, V1PersistentVolume? old) => PersistentVolumeDefaults.Apply(obj);

    protected override void PrepareForCreate(V1PersistentVolume obj) =>
        obj.Status = new V1PersistentVolumeStatus { Phase = "Pending", LastPhaseTransitionTime = obj.Metadata.CreationTimestamp };

    protected override void Validate(V1PersistentVolume obj, V1PersistentVolume? old, FieldErrors errors) =>
        PersistentVolumeValidation.Validate(obj, errors);
}
