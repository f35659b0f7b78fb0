using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace KubeRollout.Infrastructure;

/// <summary>
/// Wires up dependency isolation on import: the cmdlets assembly lives in the default context and refers only to
/// KubeRollout.Core, which is resolved into <see cref="DependencyLoadContext"/> together with everything it uses.
/// PowerShell reads the cmdlet classes and their attributes when it loads the assembly, before OnImport runs, so
/// attribute arguments must not use types of KubeRollout.Core (WorkloadKindsAttribute takes strings). A command's
/// parameter types are read when it is first used, after OnImport (Invoke-KubeRollout -InputObject is Core's
/// ManifestObject[], so that manifest objects bind to it without conversion).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string CoreAssemblyName = "KubeRollout.Core";

    private static readonly string DependencyDirectory =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "deps");

    private static readonly Lazy<DependencyLoadContext> Context = new(() => new DependencyLoadContext(DependencyDirectory));

    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveCore;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveCore;

    private static Assembly? ResolveCore(AssemblyLoadContext defaultContext, AssemblyName name) =>
        name.Name == CoreAssemblyName && Directory.Exists(DependencyDirectory)
            ? Context.Value.LoadFromAssemblyName(name)
            : null;
}
