using System.Text.Json;

namespace KubeRollout.Sandbox.Storage.Persistence;

/// <summary>
/// One line of the journal (and of a snapshot): a committed object, or a deletion, with the resourceVersion of the
/// commit and the simulated time it happened at.
/// <code>{"rv":42,"t":"2026-…Z","r":"deployments.apps","ns":"default","n":"web","o":{…}}</code>
/// A deletion has no "o". Lines are newline-terminated JSON (<see cref="JournalWriter"/>); a line cut short by a
/// crash is not valid JSON.
/// </summary>
internal sealed record JournalEntry(long ResourceVersion, DateTime Time, string Resource, string? Namespace, string Name, string? ObjectJson)
{
    public bool IsDeletion => ObjectJson is null;

    /// <summary>The entry of one line, or null when the line is not a whole entry (the torn tail of a crash).</summary>
    public static JournalEntry? Decode(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            return new JournalEntry(
                root.GetProperty("rv").GetInt64(),
                root.TryGetProperty("t", out var time) ? time.GetDateTime() : DateTime.MinValue,
                root.GetProperty("r").GetString()!,
                root.TryGetProperty("ns", out var ns) ? ns.GetString() : null,
                root.GetProperty("n").GetString()!,
                root.TryGetProperty("o", out var obj) ? obj.GetRawText() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
