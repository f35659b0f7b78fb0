using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry;

/// <summary>
/// One served resource and the rules the API server's registry applies to it, as its
/// <c>pkg/registry/&lt;group&gt;/&lt;resource&gt;/strategy.go</c> does: discovery names, defaulting, validation,
/// PrepareForCreate/PrepareForUpdate (status, generation), graceful deletion, selectable fields and the table
/// printer. <see cref="ClusterRegistry"/> runs the generic part (identity, resourceVersion, finalizers,
/// managedFields) around these hooks. Strategies hold no state: one instance serves every cluster.
/// </summary>
public abstract class ResourceStrategy
{
    private static readonly string[] StandardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    private static readonly IReadOnlyDictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>> NoSelectableFields =
        new Dictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>>();

    public abstract ResourceType Resource { get; }

    public virtual IReadOnlyList<string> ShortNames => [];

    /// <summary>The categories <c>kubectl get &lt;category&gt;</c> expands (e.g. "all").</summary>
    public virtual IReadOnlyList<string> Categories => [];

    public virtual IReadOnlyList<string> Verbs => StandardVerbs;

    /// <summary>The subresources served: "status", "scale", "finalize".</summary>
    public virtual IReadOnlyList<string> Subresources => [];

    public abstract ITablePrinter Printer { get; }

    /// <summary>The warning the API server sends with every request for the resource (a deprecated API), or null.</summary>
    public virtual string? Warning => null;

    /// <summary>The fields besides metadata.name and metadata.namespace that <c>fieldSelector</c> understands.</summary>
    public virtual IReadOnlyDictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>> SelectableFields => NoSelectableFields;

    /// <summary>True when the model has a status that writes to the main resource leave alone.</summary>
    public virtual bool HasStatus => Subresources.Contains("status");

    /// <summary>The defaults the API server fills in on every create and update (scheme defaults and mutating admission).</summary>
    public abstract void Default(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old);

    /// <summary>
    /// Assignments that need the cluster's state (a service's cluster IP and node ports); problems are returned as
    /// causes of a 422 Invalid.
    /// </summary>
    public virtual IReadOnlyList<V1StatusCause> Allocate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, ClusterStore store) => [];

    /// <summary>Clears what a create may not set (status) and sets the first generation where the kind has one.</summary>
    public abstract void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj);

    /// <summary>
    /// Called on a write of the main resource after the stored status was put back and before validation:
    /// bumps the generation where the kind's rules say so.
    /// </summary>
    public abstract void PrepareForUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old);

    /// <summary>
    /// Called on a write of the status subresource, which changes the status and the metadata a client may change
    /// (labels, annotations, finalizers, ownerReferences): resets what the kind's status strategy keeps.
    /// </summary>
    public abstract void PrepareForStatusUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old);

    /// <summary>Validation of a create (<paramref name="old"/> null) or update, one cause per problem.</summary>
    public abstract void Validate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, FieldErrors errors);

    /// <summary>
    /// The grace period of a deletion (CheckGracefulDelete): null when the kind is not deleted gracefully,
    /// else the period in seconds (0 deletes at once).
    /// </summary>
    public virtual long? GracePeriodSeconds(IKubernetesObject<V1ObjectMeta> obj, long? requested) => null;

    /// <summary>A store-specific condition on top of the generic "last finalizer removed" deletion during updates.</summary>
    public virtual bool ShouldDeleteDuringUpdate(IKubernetesObject<V1ObjectMeta> obj) => true;

    /// <summary>What a write to a subresource other than status makes of the stored object (namespaces/finalize).</summary>
    public virtual IKubernetesObject<V1ObjectMeta> SubresourceUpdate(string subresource, IKubernetesObject<V1ObjectMeta> stored, IKubernetesObject<V1ObjectMeta> sent) =>
        throw new StoreException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    /// <summary>
    /// A kind's own first step of a deletion, before the generic one (namespaces terminate first); refusals throw.
    /// </summary>
    public virtual DeletionStep BeginDelete(IKubernetesObject<V1ObjectMeta> stored, DeleteRequest request, DateTime now) => DeletionStep.Continue;
}

/// <summary>The typed form of <see cref="ResourceStrategy"/>: the hooks receive the kind's model type.</summary>
public abstract class ResourceStrategy<TObject> : ResourceStrategy
    where TObject : class, IKubernetesObject<V1ObjectMeta>
{
    public sealed override void Default(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old) => Default((TObject)obj, old as TObject);

    public sealed override IReadOnlyList<V1StatusCause> Allocate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, ClusterStore store) =>
        Allocate((TObject)obj, old as TObject, store);

    public sealed override void PrepareForCreate(IKubernetesObject<V1ObjectMeta> obj) => PrepareForCreate((TObject)obj);

    public sealed override void PrepareForUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old) =>
        PrepareForUpdate((TObject)obj, (TObject)old);

    public sealed override void PrepareForStatusUpdate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta> old) =>
        PrepareForStatusUpdate((TObject)obj, (TObject)old);

    public sealed override void Validate(IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, FieldErrors errors) =>
        Validate((TObject)obj, old as TObject, errors);

    public sealed override long? GracePeriodSeconds(IKubernetesObject<V1ObjectMeta> obj, long? requested) => GracePeriodSeconds((TObject)obj, requested);

    public sealed override bool ShouldDeleteDuringUpdate(IKubernetesObject<V1ObjectMeta> obj) => ShouldDeleteDuringUpdate((TObject)obj);

    public sealed override DeletionStep BeginDelete(IKubernetesObject<V1ObjectMeta> stored, DeleteRequest request, DateTime now) =>
        BeginDelete((TObject)stored, request, now);

    protected virtual void Default(TObject obj, TObject? old)
    {
    }

    protected virtual IReadOnlyList<V1StatusCause> Allocate(TObject obj, TObject? old, ClusterStore store) => [];

    /// <summary>The default, for kinds without a generation: nothing to clear.</summary>
    protected virtual void PrepareForCreate(TObject obj)
    {
    }

    protected virtual void PrepareForUpdate(TObject obj, TObject old)
    {
    }

    protected virtual void PrepareForStatusUpdate(TObject obj, TObject old)
    {
    }

    protected abstract void Validate(TObject obj, TObject? old, FieldErrors errors);

    protected virtual long? GracePeriodSeconds(TObject obj, long? requested) => null;

    protected virtual bool ShouldDeleteDuringUpdate(TObject obj) => true;

    protected virtual DeletionStep BeginDelete(TObject stored, DeleteRequest request, DateTime now) => DeletionStep.Continue;
}
