using System.Text;
using System.Text.Unicode;

namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>
/// JSON text as Go's decoder reads it: bytes that are not UTF-8 and \u escapes of lone surrogates become U+FFFD
/// instead of failing later, where a string that cannot be encoded again would break the write.
/// </summary>
internal static class JsonText
{
    private static readonly byte[] ReplacementEscape = "\\ufffd"u8.ToArray();

    public static byte[] AsGoReadsIt(byte[] json)
    {
        var text = Utf8.IsValid(json) ? json : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json));
        byte[]? repaired = null;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != (byte)'\\')
            {
                continue;
            }

            if (text[i + 1] != (byte)'u' || !TryReadEscape(text, i, out var unit))
            {
                i++; // another escape: skip its character, which may be a backslash
                continue;
            }

            if (char.IsHighSurrogate(unit) && TryReadEscape(text, i + 6, out var next) && char.IsLowSurrogate(next))
            {
                i += 11;
            }
            else if (char.IsSurrogate(unit))
            {
                repaired ??= (byte[])text.Clone();
                ReplacementEscape.CopyTo(repaired, i);
                i += 5;
            }
            else
            {
                i += 5;
            }
        }

        return repaired ?? text;
    }

    private static bool TryReadEscape(byte[] text, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > text.Length || text[at] != (byte)'\\' || text[at + 1] != (byte)'u')
        {
            return false;
        }

        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var digit = HexValue(text[k]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
