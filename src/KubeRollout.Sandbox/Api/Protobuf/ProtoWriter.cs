using System.Text;

namespace KubeRollout.Sandbox.Api.Protobuf;

/// <summary>Writes protobuf fields by number (no protobuf package): the OpenAPI v2 document kubectl reads, and request bodies in tests.</summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _bytes = new();

    public ProtoWriter Varint(int field, long value)
    {
        Tag(field, 0);
        WriteVarint(unchecked((ulong)value));
        return this;
    }

    public ProtoWriter Bool(int field, bool value) => Varint(field, value ? 1 : 0);

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _bytes.Write(value);
        return this;
    }

    public ProtoWriter Message(int field, Action<ProtoWriter> write)
    {
        var inner = new ProtoWriter();
        write(inner);
        return Bytes(field, inner.ToArray());
    }

    /// <summary>A map&lt;string, string&gt; entry.</summary>
    public ProtoWriter Entry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    public ProtoWriter Fixed32(int field, uint value)
    {
        Tag(field, 5);
        _bytes.Write(BitConverter.GetBytes(value));
        return this;
    }

    public ProtoWriter Fixed64(int field, ulong value)
    {
        Tag(field, 1);
        _bytes.Write(BitConverter.GetBytes(value));
        return this;
    }

    public ProtoWriter Raw(params byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>The Kubernetes envelope: "k8s\0" and a runtime.Unknown holding the typed message.</summary>
    public static byte[] Envelope(string apiVersion, string kind, Action<ProtoWriter> message)
    {
        var raw = new ProtoWriter();
        message(raw);
        var unknown = new ProtoWriter()
            .Message(1, t => t.String(1, apiVersion).String(2, kind))
            .Bytes(2, raw.ToArray())
            .String(3, string.Empty)
            .String(4, string.Empty);
        return [.. "k8s\0"u8.ToArray(), .. unknown.ToArray()];
    }

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.WriteByte((byte)value);
    }
}
