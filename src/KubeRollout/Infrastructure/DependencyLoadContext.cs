using System.Reflection;
using System.Runtime.Loader;

namespace KubeRollout.Infrastructure;

/// <summary>
/// Loads KubeRollout.Core and its dependencies (KubernetesClient, YamlDotNet, …) from the module's deps folder,
/// isolated from whatever versions other modules loaded into the session.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _directory;

    public DependencyLoadContext(string directory)
        : base("KubeRollout", isCollectible: false) => _directory = directory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(_directory, $"{assemblyName.Name}.dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
