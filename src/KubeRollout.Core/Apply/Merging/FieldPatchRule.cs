namespace KubeRollout.Core.Apply.Merging;

/// <summary>
/// How a strategic merge treats one field: the Kubernetes <c>patchStrategy</c> and <c>patchMergeKey</c> struct tags,
/// published in the OpenAPI as <c>x-kubernetes-patch-strategy</c> and <c>x-kubernetes-patch-merge-key</c>. Without a
/// rule, objects merge field by field and lists are replaced whole.
/// </summary>
/// <param name="MergesList">"merge": lists merge, items of objects by <paramref name="MergeKey"/>, primitive items as a set.</param>
/// <param name="MergeKey">The field that identifies an item of a merged list of objects.</param>
/// <param name="Replaces">"replace": the value is replaced whole, never merged.</param>
/// <param name="RetainsKeys">"retainKeys": fields of the object that the new configuration does not set are cleared.</param>
public sealed record FieldPatchRule(bool MergesList = false, string? MergeKey = null, bool Replaces = false, bool RetainsKeys = false)
{
    public static readonly FieldPatchRule Plain = new();

    /// <summary>The rule as the OpenAPI writes x-kubernetes-patch-strategy ("merge", "merge,retainKeys", ...; empty for none).</summary>
    public string Strategy => string.Join(",", new[] { MergesList ? "merge" : null, Replaces ? "replace" : null, RetainsKeys ? "retainKeys" : null }.OfType<string>());
}
