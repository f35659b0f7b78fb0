namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>Reads the fields of one protobuf message, in wire order, from a slice of the body.</summary>
internal sealed class WireReader
{
    private readonly byte[] _bytes;
    private readonly int _end;
    private int _position;

    public WireReader(byte[] bytes)
        : this(bytes, 0, bytes.Length)
    {
    }

    private WireReader(byte[] bytes, int start, int end)
    {
        _bytes = bytes;
        _position = start;
        _end = end;
    }

    public bool AtEnd => _position >= _end;

    /// <summary>The next field's number and wire type.</summary>
    public (int Number, WireType Type) ReadTag()
    {
        var tag = ReadVarint();
        var number = tag >> 3;
        if (number is 0 or > int.MaxValue)
        {
            throw new ProtobufFormatException($"proto: illegal field number {number}");
        }

        return ((int)number, (WireType)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _end)
            {
                throw new ProtobufFormatException("unexpected EOF");
            }

            var b = _bytes[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new ProtobufFormatException("proto: integer overflow");
    }

    public ReadOnlySpan<byte> ReadBytes() => _bytes.AsSpan(ReadLength());

    /// <summary>A reader over an embedded message, positioned after it here.</summary>
    public WireReader ReadMessage()
    {
        var range = ReadLength();
        return new WireReader(_bytes, range.Start.Value, range.End.Value);
    }

    /// <summary>Passes over a value of a field this decoder does not know.</summary>
    public void Skip(WireType type)
    {
        switch (type)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Advance(8);
                break;
            case WireType.Fixed32:
                Advance(4);
                break;
            case WireType.LengthDelimited:
                ReadLength();
                break;
            default:
                throw new ProtobufFormatException($"proto: unsupported wire type {(int)type}");
        }
    }

    /// <summary>
    /// Passes over a value of a field this decoder does not know and says whether it was empty: zero, or a length of
    /// nothing or of a message whose fields are all empty (go-to-protobuf writes every non-pointer field, zero or not).
    /// </summary>
    public bool SkipEmpty(WireType type, int depth = 0)
    {
        switch (type)
        {
            case WireType.Varint:
                return ReadVarint() == 0;
            case WireType.Fixed64 or WireType.Fixed32:
                var start = _position;
                Skip(type);
                return _bytes.AsSpan(start.._position).IndexOfAnyExcept((byte)0) < 0;
            case WireType.LengthDelimited:
                var range = ReadLength();
                return range.Start.Value == range.End.Value || (depth < 16 && IsEmptyMessage(new WireReader(_bytes, range.Start.Value, range.End.Value), depth + 1));
            default:
                throw new ProtobufFormatException($"proto: unsupported wire type {(int)type}");
        }
    }

    private static bool IsEmptyMessage(WireReader reader, int depth)
    {
        try
        {
            while (!reader.AtEnd)
            {
                if (!reader.SkipEmpty(reader.ReadTag().Type, depth))
                {
                    return false;
                }
            }

            return true;
        }
        catch (ProtobufFormatException)
        {
            return false; // not a message: bytes or a string with something in it
        }
    }

    private Range ReadLength()
    {
        var length = ReadVarint();
        if (length > (ulong)(_end - _position))
        {
            throw new ProtobufFormatException("unexpected EOF");
        }

        var start = _position;
        _position += (int)length;
        return start.._position;
    }

    private void Advance(int count)
    {
        if (count > _end - _position)
        {
            throw new ProtobufFormatException("unexpected EOF");
        }

        _position += count;
    }
}
