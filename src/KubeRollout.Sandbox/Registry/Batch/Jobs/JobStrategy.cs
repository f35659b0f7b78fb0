using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Batch.Jobs;

/// <summary>
/// batch/v1 jobs (pkg/registry/batch/job): an empty status and generation 1 on create, bumped by a spec change;
/// unless spec.manualSelector, the selector is generated from the job's uid and its labels added to the template.
/// </summary>
public sealed class JobStrategy : ResourceStrategy<V1Job>
{
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";

    public static readonly ResourceType Type = new("batch", "v1", "jobs", "job", "Job", Namespaced: true, typeof(V1Job));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new JobPrinter();

    protected override void Default(V1Job obj, V1Job? old) => JobDefaults.Apply(obj);

    protected override void PrepareForCreate(V1Job obj)
    {
        obj.Status = new V1JobStatus();
        Generation.Start(obj.Metadata);
        if (obj.Spec?.ManualSelector != true && obj.Spec?.Template is { } template)
        {
            GenerateSelector(obj, template);
        }
    }

    protected override void PrepareForUpdate(V1Job obj, V1Job old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1Job obj, V1Job? old, FieldErrors errors) => JobValidation.Validate(obj, old, errors);

    /// <summary>
    /// The template gets the controller-uid and job-name labels (and their legacy unprefixed forms); a job without
    /// labels of its own shares them, as upstream where both are one map; the selector, when none was given, selects
    /// the uid.
    /// </summary>
    private static void GenerateSelector(V1Job job, V1PodTemplateSpec template)
    {
        var uid = job.Metadata.Uid!;
        var labels = (template.Metadata ??= new V1ObjectMeta()).Labels ??= new Dictionary<string, string>();
        var shared = job.Metadata.Labels is null || job.Metadata.Labels.Count == 0 || ReferenceEquals(job.Metadata.Labels, labels);
        labels[ControllerUidLabel] = uid;
        labels[JobNameLabel] = job.Metadata.Name;
        labels["controller-uid"] = uid;
        labels["job-name"] = job.Metadata.Name;
        if (shared)
        {
            job.Metadata.Labels = new Dictionary<string, string>(labels);
        }

        job.Spec.Selector ??= new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [ControllerUidLabel] = uid } };
    }
}
