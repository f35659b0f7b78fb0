namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>The repository's examples/ folder: the manifests the kubectl tests apply (nothing outside the repository).</summary>
internal static class Examples
{
    public static string Directory { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "KubeRollout.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, "examples");
            }
        }

        throw new DirectoryNotFoundException($"The repository (KubeRollout.sln) was not found above {AppContext.BaseDirectory}.");
    }
}
