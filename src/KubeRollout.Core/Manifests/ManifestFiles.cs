namespace KubeRollout.Core.Manifests;

/// <summary>Expands a resolved path into the manifest files it stands for, as <c>kubectl apply -f</c> does.</summary>
public static class ManifestFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>A file stays itself; a folder yields its .yaml, .yml and .json files in name order.</summary>
    public static IEnumerable<string> Expand(string path, bool recurse)
    {
        if (!Directory.Exists(path))
        {
            return [path];
        }

        var option = recurse ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        return Directory.EnumerateFiles(path, "*", option)
            .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .OrderBy(file => file, StringComparer.Ordinal);
    }
}
