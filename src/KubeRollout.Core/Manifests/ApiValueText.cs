using System.Globalization;
using System.Text;
using k8s.Models;

namespace KubeRollout.Core.Manifests;

/// <summary>
/// Values written as the API server's field errors write them (Go's %v, %q and %#v of its internal types), so that
/// a problem found before sending reads exactly like the error the server would return.
/// </summary>
internal static class ApiValueText
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Quote(string? value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value ?? string.Empty)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// An int-or-string as %#v prints the internal type (its String method has a pointer receiver, so the API
    /// prints the struct): <c>intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}</c>. KubernetesClient keeps only the
    /// text, so a numeric text prints as the integer it almost always was.
    /// </summary>
    public static string IntOrString(IntOrString? value)
    {
        var text = value?.Value;
        if (text is null)
        {
            return "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}";
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? $"intstr.IntOrString{{Type:0, IntVal:{Int(number)}, StrVal:\"\"}}"
            : $"intstr.IntOrString{{Type:1, IntVal:0, StrVal:{Quote(text)}}}";
    }

    /// <summary>A pointer field inside a struct printed with %#v: nil is exact; otherwise the value, since an address means nothing here.</summary>
    public static string Pointer(string goType, string? value) => value is null ? $"(*{goType})(nil)" : $"&{value}";
}
