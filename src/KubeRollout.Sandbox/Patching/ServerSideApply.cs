using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Sandbox.Patching.Fields;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Patching;

/// <summary>
/// Server-side apply (application/apply-patch+yaml) with managedFields, as the API server's field manager does it:
/// the applied configuration is the manager's whole intent; fields it applied before and no longer applies are
/// removed unless someone else owns them; changing a value another manager owns is a conflict unless forced,
/// which moves the ownership to the applier.
/// </summary>
public static class ServerSideApply
{
    public const string BeforeFirstApply = "before-first-apply";

    /// <summary>
    /// Merges <paramref name="applied"/> (the manager's whole intent) into <paramref name="live"/> (null: the object is
    /// created), removes fields this manager owned before and no longer applies, records managedFields.
    /// Conflicts with other managers throw StoreException 409 Conflict with causes unless <paramref name="force"/>.
    /// </summary>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, Type modelType, string fieldManager, bool force, DateTime now)
    {
        if (applied["metadata"]?["managedFields"] is not null)
        {
            throw PatchErrors.BadRequest("metadata.managedFields must be nil");
        }

        if (string.IsNullOrEmpty(fieldManager))
        {
            throw PatchErrors.BadRequest("PATCH, application/apply-patch+yaml requests must set a field manager");
        }

        var root = Position.Of(modelType);
        var current = live?.DeepClone().AsObject() ?? new JsonObject();
        var managers = ManagedFieldsCodec.Read(current);
        (current["metadata"] as JsonObject)?.Remove("managedFields");

        var config = applied.DeepClone().AsObject();
        config.Remove("status");
        var apiVersion = (string?)applied["apiVersion"] ?? (string?)current["apiVersion"]
            ?? throw PatchErrors.BadRequest("apiVersion must be set in an applied configuration");
        if (managers.Count == 0 && live is not null)
        {
            // Nothing was tracked yet (managedFields were reset): what exists so far becomes the fields of the
            // "before-first-apply" manager, so that the apply cannot silently take them over.
            var existing = FieldWalker.Compare(new JsonObject(), OwnedFields.Of(current), root).Changed;
            managers.Add(new ManagedFieldsEntry(BeforeFirstApply, ManagedFieldsEntry.Update, apiVersion, ManagedFieldsCodec.TruncateToSeconds(now), null, existing));
        }

        var appliedFields = FieldWalker.FieldsOf(OwnedFields.Of(config), root);
        var applier = new ManagedFieldsEntry(fieldManager, ManagedFieldsEntry.Apply, apiVersion, null, null, appliedFields);
        var previous = managers.FirstOrDefault(m => m.SameOwner(applier));
        var others = managers.Where(m => !m.SameOwner(applier)).ToList();

        var merged = ApplyMerge.Merge(current, config, root)!.AsObject();
        if (previous is not null)
        {
            var kept = others.Aggregate(appliedFields, (set, other) => set.Union(other.Fields)).WithAncestors();
            ApplyMerge.Prune(merged, previous.Fields.Except(appliedFields).Paths.Where(p => !kept.Contains(p)), root);
        }

        var changes = FieldWalker.Compare(OwnedFields.Of(current), OwnedFields.Of(merged), root);
        var conflicts = others
            .SelectMany(other => other.Fields.Intersect(changes.Changed).Paths.Select(path => (Owner: other, Path: path)))
            .OrderBy(c => c.Owner.Manager, StringComparer.Ordinal)
            .ThenBy(c => c.Path.ToString(), StringComparer.Ordinal)
            .ToList();
        if (conflicts.Count > 0 && !force && fieldManager == LastAppliedMigration.KubectlManager)
        {
            var allowed = LastAppliedMigration.AllowedConflicts(current, apiVersion, root);
            conflicts = conflicts.Where(c => !allowed.Contains(c.Path)).ToList();
        }

        if (conflicts.Count > 0 && !force)
        {
            throw Conflict(conflicts);
        }

        var lost = changes.Changed.Union(changes.Removed);
        var objectChanged = !JsonNode.DeepEquals(current, merged);
        var time = objectChanged || previous?.Time is null ? ManagedFieldsCodec.TruncateToSeconds(now) : previous.Time;
        var entries = others.Select(other => other with { Fields = other.Fields.Except(lost) })
            .Append(applier with { Time = time })
            .ToList();

        var metadata = merged["metadata"] as JsonObject ?? new JsonObject();
        merged["metadata"] = metadata;
        metadata["managedFields"] = ManagedFieldsCodec.Write(entries);
        if (fieldManager == LastAppliedMigration.KubectlManager)
        {
            LastAppliedMigration.Update(merged, applied);
        }

        return merged;
    }

    private static StoreConflictException Conflict(List<(ManagedFieldsEntry Owner, FieldPath Path)> conflicts)
    {
        var causes = conflicts
            .Select(c => new V1StatusCause { Reason = "FieldManagerConflict", Message = $"conflict with {c.Owner.Describe()}", Field = c.Path.ToString() })
            .ToList();
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {conflicts[0].Owner.Describe()}: {conflicts[0].Path}";
        }
        else
        {
            var lines = conflicts
                .GroupBy(c => c.Owner.Describe())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g.Select(c => $"- {c.Path}").Prepend($"conflicts with {g.Key}:"));
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }

        return new StoreConflictException(message, new V1StatusDetails { Causes = causes });
    }
}
