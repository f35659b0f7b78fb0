using System.Management.Automation;
using KubeRollout.Core.Errors;

namespace KubeRollout.Infrastructure;

/// <summary>Resolves -Path (wildcards) and -LiteralPath through the PowerShell provider to file-system paths.</summary>
internal static class ProviderPaths
{
    public static IReadOnlyList<string> Resolve(PSCmdlet cmdlet, string path, bool literal)
    {
        if (literal)
        {
            var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            return File.Exists(resolved) || Directory.Exists(resolved) ? [resolved] : throw NotFound(path);
        }

        try
        {
            var paths = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
            if (provider.Name != "FileSystem")
            {
                throw new KubeRolloutException("PathNotFileSystem", FailureKind.InvalidArgument, $"The path '{path}' is not a file-system path.", path);
            }

            return paths.Count > 0 ? paths : throw NotFound(path);
        }
        catch (ItemNotFoundException)
        {
            throw NotFound(path);
        }
    }

    private static KubeRolloutException NotFound(string path) =>
        new("ManifestFileNotFound", FailureKind.ObjectNotFound, $"Cannot find path '{path}' because it does not exist.", path);
}
