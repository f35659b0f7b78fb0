using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Namespaces;

/// <summary>
/// core/v1 namespaces (pkg/registry/core/namespace): no generation; created Active with the <c>kubernetes</c>
/// finalizer, which only the finalize subresource removes. Deleting one starts its termination: deletionTimestamp
/// and phase Terminating, and the namespace controller deletes the contents, then finalizes it, which removes it.
/// </summary>
public sealed class NamespaceStrategy : ResourceStrategy<V1Namespace>
{
    public const string Active = "Active";
    public const string Terminating = "Terminating";
    public const string KubernetesFinalizer = "kubernetes";

    public static readonly ResourceType Type = new("", "v1", "namespaces", "namespace", "Namespace", Namespaced: false, typeof(V1Namespace));

    /// <summary>What the NamespaceLifecycle admission plugin never lets anyone delete.</summary>
    private static readonly string[] Immortal = ["default", "kube-system", "kube-public"];

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["ns"];

    public override IReadOnlyList<string> Subresources => ["finalize", "status"];

    public override ITablePrinter Printer { get; } = new NamespacePrinter();

    public override IReadOnlyDictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>> SelectableFields { get; } =
        new Dictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>>
        {
            ["status.phase"] = o => ((V1Namespace)o).Status?.Phase ?? string.Empty,
        };

    protected override void Default(V1Namespace obj, V1Namespace? old) => NamespaceDefaults.Apply(obj);

    protected override void PrepareForCreate(V1Namespace obj)
    {
        obj.Status = new V1NamespaceStatus { Phase = Active };
        var spec = obj.Spec ??= new V1NamespaceSpec();
        spec.Finalizers ??= [];
        if (!spec.Finalizers.Contains(KubernetesFinalizer))
        {
            spec.Finalizers.Add(KubernetesFinalizer);
        }
    }

    /// <summary>The spec's finalizers change only through the finalize subresource.</summary>
    protected override void PrepareForUpdate(V1Namespace obj, V1Namespace old)
    {
        obj.Spec ??= new V1NamespaceSpec();
        obj.Spec.Finalizers = old.Spec?.Finalizers?.ToList();
    }

    public override IKubernetesObject<V1ObjectMeta> SubresourceUpdate(string subresource, IKubernetesObject<V1ObjectMeta> stored, IKubernetesObject<V1ObjectMeta> sent)
    {
        if (subresource != "finalize")
        {
            return base.SubresourceUpdate(subresource, stored, sent);
        }

        var finalized = ObjectCloner.Clone((V1Namespace)sent);
        finalized.Status = ((V1Namespace)stored).Status;
        return finalized;
    }

    protected override void Validate(V1Namespace obj, V1Namespace? old, FieldErrors errors) =>
        MetadataRules.Validate(obj.Metadata, NameRules.Dns1123Label, errors);

    /// <summary>Only once its spec has no finalizers left does a terminating namespace go.</summary>
    protected override bool ShouldDeleteDuringUpdate(V1Namespace obj) => obj.Spec?.Finalizers is not { Count: > 0 };

    /// <summary>
    /// The first deletion marks the namespace Terminating (with orphan or foreground finalizers as asked); later
    /// ones wait until its finalizers are gone, then the generic deletion removes it.
    /// </summary>
    protected override DeletionStep BeginDelete(V1Namespace stored, DeleteRequest request, DateTime now)
    {
        if (Immortal.Contains(stored.Metadata.Name))
        {
            throw new StoreException(403, "Forbidden", $"namespaces \"{stored.Metadata.Name}\" is forbidden: this namespace may not be deleted",
                new V1StatusDetails { Name = stored.Metadata.Name, Kind = "namespaces" });
        }

        if (stored.Metadata.DeletionTimestamp is null)
        {
            var terminating = ObjectCloner.Clone(stored);
            terminating.Metadata.DeletionTimestamp = now;
            terminating.Status ??= new V1NamespaceStatus();
            terminating.Status.Phase = Terminating;
            var finalizers = (terminating.Metadata.Finalizers ?? []).Where(f => f is not (ClusterRegistry.OrphanFinalizer or ClusterRegistry.ForegroundFinalizer)).ToList();
            var orphan = request.PropagationPolicy is null ? stored.Metadata.Finalizers?.Contains(ClusterRegistry.OrphanFinalizer) == true : request.PropagationPolicy == "Orphan";
            var foreground = request.PropagationPolicy is null ? stored.Metadata.Finalizers?.Contains(ClusterRegistry.ForegroundFinalizer) == true : request.PropagationPolicy == "Foreground";
            if (orphan)
            {
                finalizers.Add(ClusterRegistry.OrphanFinalizer);
            }

            if (foreground)
            {
                finalizers.Add(ClusterRegistry.ForegroundFinalizer);
            }

            terminating.Metadata.Finalizers = finalizers.Count == 0 ? null : finalizers;
            return DeletionStep.Store(terminating);
        }

        return stored.Spec?.Finalizers is { Count: > 0 } ? DeletionStep.Pending : DeletionStep.Continue;
    }
}
