using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// The switch history kept on the Service itself, in the annotation <see cref="Annotation"/>: a JSON list of the
/// last <see cref="MaxRecords"/> switches, oldest first. It travels with the Service (kubectl get -o yaml shows it,
/// a backup keeps it), needs no other object, and a switch writes it in the same update as the selector, so the
/// record and the change it describes never disagree.
/// </summary>
public static class BlueGreenHistory
{
    public const string Annotation = "kuberollout.io/blue-green-history";
    public const int MaxRecords = 10;

    /// <summary>The records of an annotation value (none when absent). Throws <see cref="FormatException"/> when it is not a history.</summary>
    public static IReadOnlyList<BlueGreenSwitchRecord> Parse(string? annotation, string @namespace, string service, IReadOnlyDictionary<string, string>? liveSelector = null)
    {
        if (string.IsNullOrWhiteSpace(annotation))
        {
            return [];
        }

        JsonArray entries;
        try
        {
            entries = JsonNode.Parse(annotation) as JsonArray ?? throw new FormatException("it is not a JSON list");
        }
        catch (JsonException e)
        {
            throw new FormatException($"it is not valid JSON ({e.Message})", e);
        }

        List<BlueGreenSwitchRecord> records;
        try
        {
            records = entries.Select(entry => Record(entry, @namespace, service)).ToList();
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"an entry has a value of the wrong type ({e.Message})", e);
        }

        var ordered = records.OrderBy(r => r.Number).ToList();
        if (liveSelector is not null && ordered.Count > 0 && ServiceSelectors.SameAs(ordered[^1].Selector, liveSelector))
        {
            var last = ordered[^1];
            ordered[^1] = new BlueGreenSwitchRecord
            {
                Namespace = last.Namespace, Service = last.Service, Number = last.Number, Time = last.Time, From = last.From, To = last.To,
                PreviousSelector = last.PreviousSelector, Selector = last.Selector, Cause = last.Cause, IsCurrent = true,
            };
        }

        return ordered;
    }

    /// <summary>The history with one more switch, numbered after the newest, keeping the last <see cref="MaxRecords"/>.</summary>
    public static IReadOnlyList<BlueGreenSwitchRecord> Append(
        IReadOnlyList<BlueGreenSwitchRecord> records, DateTime time, string? from, string to, IReadOnlyDictionary<string, string> previousSelector, IReadOnlyDictionary<string, string> selector, string? cause)
    {
        var next = new BlueGreenSwitchRecord
        {
            Namespace = records.FirstOrDefault()?.Namespace ?? string.Empty,
            Service = records.FirstOrDefault()?.Service ?? string.Empty,
            Number = records.Count == 0 ? 1 : records.Max(r => r.Number) + 1,
            Time = time,
            From = from,
            To = to,
            PreviousSelector = previousSelector,
            Selector = selector,
            Cause = string.IsNullOrEmpty(cause) ? null : cause,
        };
        return [.. records.OrderBy(r => r.Number).TakeLast(MaxRecords - 1), next];
    }

    /// <summary>The annotation value: compact JSON, oldest first, selectors with sorted keys.</summary>
    public static string Serialize(IReadOnlyList<BlueGreenSwitchRecord> records)
    {
        var array = new JsonArray();
        foreach (var record in records)
        {
            var item = new JsonObject
            {
                ["number"] = record.Number,
                ["time"] = record.Time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            };
            if (record.From is not null)
            {
                item["from"] = record.From;
            }

            item["to"] = record.To;
            item["previousSelector"] = Object(record.PreviousSelector);
            item["selector"] = Object(record.Selector);
            if (record.Cause is not null)
            {
                item["cause"] = record.Cause;
            }

            array.Add(item);
        }

        return array.ToJsonString();
    }

    private static BlueGreenSwitchRecord Record(JsonNode? entry, string @namespace, string service)
    {
        if (entry is not JsonObject item
            || item["number"]?.GetValueKind() != JsonValueKind.Number
            || item["to"]?.GetValueKind() != JsonValueKind.String
            || item["time"]?.GetValueKind() != JsonValueKind.String
            || !DateTime.TryParse(item["time"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new FormatException($"the entry {entry?.ToJsonString() ?? "null"} lacks number, time or to");
        }

        return new BlueGreenSwitchRecord
        {
            Namespace = @namespace,
            Service = service,
            Number = item["number"]!.GetValue<long>(),
            Time = time,
            From = item["from"]?.GetValue<string>(),
            To = item["to"]!.GetValue<string>(),
            PreviousSelector = Labels(item["previousSelector"]),
            Selector = Labels(item["selector"]),
            Cause = item["cause"]?.GetValue<string>(),
        };
    }

    private static JsonObject Object(IReadOnlyDictionary<string, string> labels)
    {
        var result = new JsonObject();
        foreach (var (key, value) in labels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    private static IReadOnlyDictionary<string, string> Labels(JsonNode? node) =>
        node is JsonObject labels
            ? new SortedDictionary<string, string>(labels.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty), StringComparer.Ordinal)
            : new SortedDictionary<string, string>(StringComparer.Ordinal);
}
