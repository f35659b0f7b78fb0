namespace KubeRollout.Sandbox.Simulation;

/// <summary>A glob over image references: <c>*</c> matches any run of characters, <c>?</c> one character.</summary>
public sealed class WildcardPattern
{
    private readonly string _pattern;

    public WildcardPattern(string pattern)
    {
        _pattern = pattern;
    }

    public override string ToString() => _pattern;

    public bool IsMatch(string text)
    {
        int p = 0, t = 0, starPattern = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < _pattern.Length && (_pattern[p] == '?' || _pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < _pattern.Length && _pattern[p] == '*')
            {
                starPattern = p++;
                starText = t;
            }
            else if (starPattern >= 0)
            {
                p = starPattern + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < _pattern.Length && _pattern[p] == '*')
        {
            p++;
        }

        return p == _pattern.Length;
    }
}
