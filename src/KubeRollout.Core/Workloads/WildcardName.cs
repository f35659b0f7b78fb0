using System.Text;
using System.Text.RegularExpressions;

namespace KubeRollout.Core.Workloads;

/// <summary>
/// A name with PowerShell's wildcards: * (any characters), ? (one character) and [abc] / [a-z] (one of a set),
/// matched without regard to case, as -Name patterns of PowerShell's own cmdlets are.
/// </summary>
public sealed class WildcardName
{
    private static readonly char[] WildcardCharacters = ['*', '?', '['];
    private readonly Regex _pattern;

    public WildcardName(string pattern)
    {
        Pattern = pattern;
        _pattern = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public static bool HasWildcards(string name) => name.IndexOfAny(WildcardCharacters) >= 0;

    public bool IsMatch(string name) => _pattern.IsMatch(name);

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[' when pattern.IndexOf(']', i + 1) is var end and > 0:
                    var set = pattern[(i + 1)..end];
                    regex.Append('[').Append(Regex.Escape(set).Replace("\\-", "-", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
