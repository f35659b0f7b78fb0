using System.Globalization;
using System.Text;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>
/// Values printed as the API server's validation messages print them (Go's %q, %v and %#v of the internal types),
/// so that error texts match a real cluster's.
/// </summary>
internal static class GoValue
{
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

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string StringMap(IDictionary<string, string>? map) =>
        map is null
            ? "map[string]string(nil)"
            : "map[string]string{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Quote(p.Key)}:{Quote(p.Value)}")) + "}";

    public static string LabelSelector(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return "null";
        }

        var expressions = selector.MatchExpressions is null
            ? "[]v1.LabelSelectorRequirement(nil)"
            : "[]v1.LabelSelectorRequirement{" + string.Join(", ", selector.MatchExpressions.Select(e =>
                $"v1.LabelSelectorRequirement{{Key:{Quote(e.Key)}, Operator:{Quote(e.OperatorProperty)}, Values:{StringList(e.Values)}}}")) + "}";
        return $"v1.LabelSelector{{MatchLabels:{StringMap(selector.MatchLabels)}, MatchExpressions:{expressions}}}";
    }

    public static string StringList(IEnumerable<string>? values) =>
        values is null ? "[]string(nil)" : "[]string{" + string.Join(", ", values.Select(Quote)) + "}";

    /// <summary>
    /// An int-or-string as the internal type prints: <c>intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}</c>.
    /// KubernetesClient keeps only the text, so a numeric string prints as the integer it almost always was.
    /// </summary>
    public static string IntOrString(IntOrString? value)
    {
        var text = value?.Value;
        if (text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return $"intstr.IntOrString{{Type:0, IntVal:{number}, StrVal:\"\"}}";
        }

        return text is null
            ? "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}"
            : $"intstr.IntOrString{{Type:1, IntVal:0, StrVal:{Quote(text)}}}";
    }
}
