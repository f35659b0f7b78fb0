namespace KubeRollout.Sandbox.Registry;

/// <summary>
/// Who writes and how: the field manager the write is recorded for, dry run, and whether the object is the result
/// of a server-side apply (its managedFields are already computed).
/// </summary>
public sealed record WriteRequest(string FieldManager, bool DryRun = false, bool IsApply = false);
