namespace KubeRollout.Core.Apply.Merging;

/// <summary>
/// How a strategic merge treats a field: the Kubernetes <c>patchStrategy</c> struct tag, published in the OpenAPI
/// as <c>x-kubernetes-patch-strategy</c>. Without one, objects merge field by field and lists are replaced whole.
/// </summary>
[Flags]
public enum PatchStrategy
{
    None = 0,

    /// <summary>Lists merge: items of objects by the merge key, primitive items as a set.</summary>
    Merge = 1,

    /// <summary>The value is replaced whole, never merged.</summary>
    Replace = 2,

    /// <summary>Fields of the object that the new configuration does not set are cleared (<c>$retainKeys</c>).</summary>
    RetainKeys = 4,
}

/// <summary>The patch strategy of one field and, for merged lists of objects, the key that identifies an item.</summary>
public sealed record FieldPatchRule(PatchStrategy Strategy, string? MergeKey = null)
{
    public static readonly FieldPatchRule Plain = new(PatchStrategy.None);

    public bool MergesList => Strategy.HasFlag(PatchStrategy.Merge);

    public bool Replaces => Strategy.HasFlag(PatchStrategy.Replace);

    public bool RetainsKeys => Strategy.HasFlag(PatchStrategy.RetainKeys);
}
