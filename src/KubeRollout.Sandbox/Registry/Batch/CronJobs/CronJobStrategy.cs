using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Batch.CronJobs;

/// <summary>batch/v1 cronjobs (pkg/registry/batch/cronjob): an empty status and generation 1 on create, bumped by a spec change.</summary>
public sealed class CronJobStrategy : ResourceStrategy<V1CronJob>
{
    public static readonly ResourceType Type = new("batch", "v1", "cronjobs", "cronjob", "CronJob", Namespaced: true, typeof(V1CronJob));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["cj"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new CronJobPrinter();

    protected override void Default(V1CronJob obj, V1CronJob? old) => CronJobDefaults.Apply(obj);

    protected override void PrepareForCreate(V1CronJob obj)
    {
        obj.Status = new V1CronJobStatus();
        Generation.Start(obj.Metadata);
    }

    protected override void PrepareForUpdate(V1CronJob obj, V1CronJob old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1CronJob obj, V1CronJob? old, FieldErrors errors) => CronJobValidation.Validate(obj, old, errors);
}
