using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Patching.Fields;

namespace KubeRollout.Sandbox.Patching;

/// <summary>
/// The managedFields bookkeeping of an ordinary write (create, update, non-apply patch): the fields the write
/// added or changed become the writer's (an <c>Update</c> entry), and every other manager loses them and the
/// fields the write removed.
/// </summary>
public static class UpdateOwnership
{
    /// <summary>
    /// The managedFields of <paramref name="new"/> after <paramref name="fieldManager"/> wrote it over <paramref name="old"/>
    /// (null on create). The writer's own managedFields win over the stored ones when it sent any (as the API does).
    /// </summary>
    public static JsonArray Record(JsonObject? old, JsonObject @new, Type modelType, string fieldManager, string apiVersion, DateTime now)
    {
        var sent = ManagedFieldsCodec.Read(@new);
        var entries = sent.Count > 0 ? sent : old is null ? [] : ManagedFieldsCodec.Read(old);
        var changes = FieldWalker.Compare(OwnedFields.Of(old), OwnedFields.Of(@new), Position.Of(modelType));
        var lost = changes.Changed.Union(changes.Removed);
        entries = entries.Select(e => e with { Fields = e.Fields.Except(lost) }).ToList();

        if (!changes.Changed.IsEmpty)
        {
            var writer = new ManagedFieldsEntry(fieldManager, ManagedFieldsEntry.Update, apiVersion, ManagedFieldsCodec.TruncateToSeconds(now), null, changes.Changed);
            var index = entries.FindIndex(e => e.SameOwner(writer));
            if (index >= 0)
            {
                entries[index] = writer with { Fields = entries[index].Fields.Union(changes.Changed) };
            }
            else
            {
                entries.Add(writer);
            }
        }

        return ManagedFieldsCodec.Write(entries);
    }

    /// <summary>
    /// True when <paramref name="new"/> carries an Apply entry of <paramref name="fieldManager"/> that <paramref name="old"/>
    /// does not have: the write is the result of <see cref="ServerSideApply.Apply"/>, whose bookkeeping is already done.
    /// </summary>
    public static bool IsApplyResult(JsonObject? old, JsonObject @new, string fieldManager)
    {
        static string? ApplyEntry(JsonObject? obj, string manager) =>
            obj?["metadata"]?["managedFields"] is JsonArray list
                ? list.OfType<JsonObject>()
                    .FirstOrDefault(e => (string?)e["manager"] == manager && (string?)e["operation"] == ManagedFieldsEntry.Apply && e["subresource"] is null)
                    ?.ToJsonString()
                : null;

        var sent = ApplyEntry(@new, fieldManager);
        return sent is not null && sent != ApplyEntry(old, fieldManager);
    }
}
