using System.Text;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Watch;

/// <summary>The lines of a watch stream: <c>{"type":"ADDED","object":{…}}</c> followed by a newline.</summary>
internal static class WatchEventJson
{
    private static readonly byte[] ObjectSeparator = Encoding.UTF8.GetBytes("\",\"object\":");
    private static readonly byte[] LineEnd = Encoding.UTF8.GetBytes("}\n");

    public static string TypeName(WatchEventType type) => type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        WatchEventType.Deleted => "DELETED",
        WatchEventType.Bookmark => "BOOKMARK",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static byte[] Line(WatchEventType type, ReadOnlySpan<byte> objectJson) => Line(TypeName(type), objectJson);

    public static byte[] Line(string type, ReadOnlySpan<byte> objectJson)
    {
        var prefix = Encoding.UTF8.GetBytes("{\"type\":\"" + type);
        var line = new byte[prefix.Length + ObjectSeparator.Length + objectJson.Length + LineEnd.Length];
        var span = line.AsSpan();
        prefix.CopyTo(span);
        ObjectSeparator.CopyTo(span[prefix.Length..]);
        objectJson.CopyTo(span[(prefix.Length + ObjectSeparator.Length)..]);
        LineEnd.CopyTo(span[(prefix.Length + ObjectSeparator.Length + objectJson.Length)..]);
        return line;
    }
}
