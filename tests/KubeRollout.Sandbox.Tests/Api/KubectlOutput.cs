using System.Text.RegularExpressions;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>Reading kubectl's printed tables in assertions.</summary>
internal static class KubectlOutput
{
    /// <summary>The non-empty lines of kubectl's output.</summary>
    public static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A table header with its column padding collapsed: <c>NAME READY AGE</c>.</summary>
    public static string Columns(string header) => Regex.Replace(header.Trim(), " {2,}", " ");
}
