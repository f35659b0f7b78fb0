using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Patching.Fields;

namespace KubeRollout.Sandbox.Patching;

/// <summary>
/// The managedFields bookkeeping of an ordinary write (create, update, non-apply patch), as the API server's field
/// manager does it: the fields the write added or changed become the writer's (an <c>Update</c> entry), and every
/// other manager loses them and the fields the write removed.
/// </summary>
public static class UpdateOwnership
{
    /// <summary>
    /// The managedFields of <paramref name="new"/> after <paramref name="fieldManager"/> wrote it over <paramref name="old"/>
    /// (null on create). Which entries the write starts from follows the API server:
    /// <list type="bullet">
    /// <item>an empty list, or one empty entry, resets them (nothing is owned any more);</item>
    /// <item>valid entries sent with the write replace the stored ones (how clients migrate client-side to
    /// server-side apply), entries that are missing or invalid leave the stored ones in place;</item>
    /// <item>an update of an object that owns nothing starts no tracking: that waits for the first apply.</item>
    /// </list>
    /// </summary>
    public static JsonArray Record(JsonObject? old, JsonObject @new, Type modelType, string fieldManager, string apiVersion, DateTime now)
    {
        var entries = Starting(old, @new);
        if (entries.Count == 0 && old is not null)
        {
            return [];
        }

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

    /// <summary>decodeLiveOrNew: the entries sent with the write, or the stored ones.</summary>
    private static List<ManagedFieldsEntry> Starting(JsonObject? old, JsonObject @new)
    {
        var sent = @new["metadata"]?["managedFields"] as JsonArray;
        if (IsReset(sent))
        {
            return [];
        }

        if (ManagedFieldsCodec.TryDecode(sent, out var decoded) && decoded.Count > 0)
        {
            return decoded;
        }

        return old is not null && ManagedFieldsCodec.TryDecode(old["metadata"]?["managedFields"] as JsonArray, out var stored) ? stored : [];
    }

    /// <summary>An empty list or a list of one empty entry: the client asks to clear managedFields.</summary>
    private static bool IsReset(JsonArray? sent) =>
        sent is not null && (sent.Count == 0 || (sent.Count == 1 && sent[0] is JsonObject { Count: 0 }));
}
