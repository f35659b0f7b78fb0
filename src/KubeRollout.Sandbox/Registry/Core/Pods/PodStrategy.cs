using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Pods;

/// <summary>
/// core/v1 pods (pkg/registry/core/pod): generation 1 on create and one more for every change of the spec,
/// status Pending with the QoS class on create, and graceful deletion of pods that run on a node.
/// </summary>
public sealed class PodStrategy : ResourceStrategy<V1Pod>
{
    public static readonly ResourceType Type = new("", "v1", "pods", "pod", "Pod", Namespaced: true, typeof(V1Pod));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["po"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status"];

    public override ITablePrinter Printer { get; } = new PodPrinter();

    public override IReadOnlyDictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>> SelectableFields { get; } =
        new Dictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>>
        {
            ["spec.nodeName"] = o => ((V1Pod)o).Spec?.NodeName ?? string.Empty,
            ["spec.restartPolicy"] = o => ((V1Pod)o).Spec?.RestartPolicy ?? string.Empty,
            ["spec.schedulerName"] = o => ((V1Pod)o).Spec?.SchedulerName ?? string.Empty,
            ["spec.serviceAccountName"] = o => ((V1Pod)o).Spec?.ServiceAccountName ?? string.Empty,
            ["spec.hostNetwork"] = o => ((V1Pod)o).Spec?.HostNetwork == true ? "true" : "false",
            ["status.phase"] = o => ((V1Pod)o).Status?.Phase ?? string.Empty,
            ["status.podIP"] = o => ((V1Pod)o).Status?.PodIP ?? string.Empty,
            ["status.nominatedNodeName"] = o => ((V1Pod)o).Status?.NominatedNodeName ?? string.Empty,
        };

    protected override void Default(V1Pod obj, V1Pod? old) => PodDefaults.Apply(obj);

    protected override void PrepareForCreate(V1Pod obj)
    {
        Generation.Start(obj.Metadata);
        obj.Status = new V1PodStatus { Phase = "Pending", QosClass = PodDefaults.QosClass(obj.Spec) };
    }

    protected override void PrepareForUpdate(V1Pod obj, V1Pod old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    /// <summary>pods/status never touches ownerReferences (old kubelets corrupted them, which broke garbage collection).</summary>
    protected override void PrepareForStatusUpdate(V1Pod obj, V1Pod old) => obj.Metadata.OwnerReferences = old.Metadata.OwnerReferences;

    protected override void Validate(V1Pod obj, V1Pod? old, FieldErrors errors) => PodValidation.Validate(obj, old, errors);

    /// <summary>
    /// CheckGracefulDelete: the period asked for, else terminationGracePeriodSeconds; at once for a pod no node runs
    /// (unscheduled) or that has terminated; a negative period counts as 1 s.
    /// </summary>
    protected override long? GracePeriodSeconds(V1Pod obj, long? requested)
    {
        var period = requested ?? obj.Spec?.TerminationGracePeriodSeconds ?? 0;
        if (string.IsNullOrEmpty(obj.Spec?.NodeName) || obj.Status?.Phase is "Failed" or "Succeeded")
        {
            period = 0;
        }

        return period < 0 ? 1 : period;
    }
}
