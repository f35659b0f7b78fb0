using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching.Fields;

/// <summary>Reads and writes <c>metadata.managedFields</c> in the API's JSON form (fieldsType FieldsV1).</summary>
public static class ManagedFieldsCodec
{
    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        if (obj["metadata"]?["managedFields"] is not JsonArray list)
        {
            return entries;
        }

        foreach (var item in list.OfType<JsonObject>())
        {
            entries.Add(Entry(item));
        }

        return entries;
    }

    private static ManagedFieldsEntry Entry(JsonObject item)
    {
        var manager = (string?)item["manager"] ?? string.Empty;
        var operation = (string?)item["operation"] ?? ManagedFieldsEntry.Update;
        DateTime? time = DateTime.TryParse((string?)item["time"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        return new ManagedFieldsEntry(manager, operation, (string?)item["apiVersion"], time, (string?)item["subresource"], FieldSet.FromFieldsV1(item["fieldsV1"]));
    }

    /// <summary>
    /// Decodes entries as the API server does before it accepts them from a client: every entry needs the operation
    /// Apply or Update, an apiVersion and fieldsType FieldsV1; otherwise the list is refused as a whole.
    /// </summary>
    public static bool TryDecode(JsonArray? list, out List<ManagedFieldsEntry> entries)
    {
        entries = [];
        if (list is null)
        {
            return true;
        }

        foreach (var node in list)
        {
            if (node is not JsonObject item
                || (string?)item["operation"] is not (ManagedFieldsEntry.Apply or ManagedFieldsEntry.Update)
                || string.IsNullOrEmpty((string?)item["apiVersion"])
                || (string?)item["fieldsType"] != "FieldsV1")
            {
                entries = [];
                return false;
            }

            entries.Add(Entry(item));
        }

        return true;
    }

    /// <summary>The entries in the API server's order: appliers first, then by time, manager, apiVersion, subresource.</summary>
    public static JsonArray Write(IEnumerable<ManagedFieldsEntry> entries)
    {
        var ordered = entries
            .Where(e => !e.Fields.IsEmpty)
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time is { } t ? t.Ticks / TimeSpan.TicksPerSecond : 0)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource, StringComparer.Ordinal);
        var list = new JsonArray();
        foreach (var entry in ordered)
        {
            var item = new JsonObject
            {
                ["apiVersion"] = entry.ApiVersion,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = entry.Fields.ToFieldsV1(),
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
            };
            if (!string.IsNullOrEmpty(entry.Subresource))
            {
                item["subresource"] = entry.Subresource;
            }

            if (entry.Time is { } time)
            {
                item["time"] = Rfc3339(time);
            }

            list.Add(item);
        }

        return list;
    }

    /// <summary>Second precision, as metav1.Time serializes.</summary>
    public static string Rfc3339(DateTime time) =>
        time.ToUniversalTime().ToString(Rfc3339Format, CultureInfo.InvariantCulture);

    public const string Rfc3339Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static DateTime TruncateToSeconds(DateTime time)
    {
        var utc = time.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
