using System.Text.Json.Nodes;
using KubeRollout.Core.Apply.Merging;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Apply;

/// <summary>
/// How to undo what an apply wrote, newest first: an object it created is deleted (that incarnation only, by uid);
/// an object it changed gets the reverse of the change as a patch, so that what others changed since stays.
/// </summary>
public static class ApplyUndo
{
    private static readonly string[] ServerManagedMetadata = ["resourceVersion", "generation", "managedFields", "creationTimestamp", "uid", "selfLink"];

    public static IReadOnlyList<UndoStep> Plan(IReadOnlyList<AppliedObject> applied) => applied
        .Where(write => write.Result.Action != ApplyAction.Unchanged && !write.Result.DryRun)
        .Reverse()
        .Select(write => write.Before is null
            ? new UndoStep(write.Resource, write.Reference, write.After["metadata"]?["uid"]?.GetValue<string>(), null)
            : new UndoStep(write.Resource, write.Reference, null,
                StrategicMergePatch.CreateTwoWay(Configuration(write.After), Configuration(write.Before), PatchSchema.Of(write.Resource.ModelType))))
        .Where(step => step.RevertPatch is not { Count: 0 })
        .ToList();

    /// <summary>What the undo did, for the error of the failed apply.</summary>
    public static string Report(IReadOnlyList<(UndoStep Step, string? Failure)> outcomes)
    {
        var done = new List<string>();
        var deleted = outcomes.Where(o => o.Failure is null && o.Step.Deletes).Select(o => o.Step.Reference.ToString()).ToList();
        var restored = outcomes.Where(o => o.Failure is null && !o.Step.Deletes).Select(o => o.Step.Reference.ToString()).ToList();
        if (deleted.Count > 0)
        {
            done.Add($"deleted {string.Join(", ", deleted)}");
        }

        if (restored.Count > 0)
        {
            done.Add($"restored {string.Join(", ", restored)}");
        }

        var summary = done.Count > 0
            ? $"What this apply had written was undone: {string.Join("; ", done)}."
            : "This apply had changed nothing before the failure.";
        var failed = outcomes.Where(o => o.Failure is not null).Select(o => $"{o.Step.Reference} ({o.Failure})").ToList();
        return failed.Count == 0 ? summary : $"{summary} Could not be undone, left as applied: {string.Join("; ", failed)}.";
    }

    /// <summary>An object without what the server keeps for itself (status, versions, managed fields).</summary>
    private static JsonObject Configuration(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerManagedMetadata)
            {
                metadata.Remove(field);
            }
        }

        return copy;
    }
}

/// <summary>One step of an undo: delete the object (with <see cref="DeleteUid"/>), or patch it with <see cref="RevertPatch"/>.</summary>
public sealed record UndoStep(ApiResource Resource, ObjectReference Reference, string? DeleteUid, JsonObject? RevertPatch)
{
    public bool Deletes => RevertPatch is null;
}
