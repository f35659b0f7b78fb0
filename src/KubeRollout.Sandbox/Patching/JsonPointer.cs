namespace KubeRollout.Sandbox.Patching;

/// <summary>RFC 6901 JSON pointers: "/a/b~1c/0" → ["a", "b/c", "0"].</summary>
internal static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw PatchErrors.BadRequest($"JSON pointer must be empty or start with a \"/\": {pointer}");
        }

        return pointer[1..].Split('/').Select(Unescape).ToList();
    }

    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
