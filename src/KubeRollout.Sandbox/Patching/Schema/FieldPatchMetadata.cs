namespace KubeRollout.Sandbox.Patching.Schema;

/// <summary>How strategic merge patch treats a field (the Go struct tag <c>patchStrategy</c>).</summary>
[Flags]
public enum PatchStrategy
{
    /// <summary>Maps merge recursively, lists are replaced whole.</summary>
    None = 0,

    /// <summary>Lists merge: by <see cref="FieldPatchMetadata.MergeKey"/> for lists of objects, as a set for primitives.</summary>
    Merge = 1,

    /// <summary>The field is replaced whole.</summary>
    Replace = 2,

    /// <summary>Keys of the value that the patch's <c>$retainKeys</c> does not list are cleared.</summary>
    RetainKeys = 4,
}

/// <summary>How server-side apply treats a list (the <c>+listType</c> marker).</summary>
public enum ApplyListType
{
    Atomic,

    /// <summary>An associative list: items are identified by <see cref="FieldPatchMetadata.ApplyKeys"/>.</summary>
    Map,

    /// <summary>A list of unique scalars.</summary>
    Set,
}

/// <summary>
/// The merge behaviour of one field of a model type, for strategic merge patch and for server-side apply.
/// </summary>
public sealed record FieldPatchMetadata
{
    public static readonly FieldPatchMetadata Default = new();

    public PatchStrategy Strategy { get; init; }

    /// <summary>The <c>patchMergeKey</c> of a merged list of objects.</summary>
    public string? MergeKey { get; init; }

    public ApplyListType ApplyList { get; init; } = ApplyListType.Atomic;

    /// <summary>The <c>+listMapKey</c>s of an associative list.</summary>
    public IReadOnlyList<string> ApplyKeys { get; init; } = [];

    /// <summary>Values the server assumes for key fields an item leaves out (ports: protocol TCP).</summary>
    public IReadOnlyDictionary<string, object> ApplyKeyDefaults { get; init; } = new Dictionary<string, object>();

    /// <summary><c>+mapType=atomic</c> / <c>+structType=atomic</c>: server-side apply treats the value as one field.</summary>
    public bool Atomic { get; init; }
}
