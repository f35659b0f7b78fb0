using k8s.Models;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Registry;

namespace KubeRollout.Sandbox.Simulation;

/// <summary>
/// The failure rules in force: the patterns the sandbox was started with (<see cref="SandboxOptions.FailingImages"/>)
/// plus, live, the keys <c>failingImages</c> and <c>unpullableImages</c> of the ConfigMap
/// <c>kube-system/sandbox-kubelet</c>. The kubelet reads them at every container start, so an edited ConfigMap
/// changes what the next (re)start does.
/// </summary>
public sealed class FailureRulesSource
{
    public const string ConfigMapNamespace = "kube-system";
    public const string ConfigMapName = "sandbox-kubelet";
    public const string FailingImagesKey = "failingImages";
    public const string UnpullableImagesKey = "unpullableImages";

    private readonly FailureRules _fromOptions;
    private readonly ClusterCache _cache;
    private volatile FailureRules _current;

    public FailureRulesSource(SandboxOptions options, ClusterCache cache)
    {
        _fromOptions = new FailureRules(options.FailingImages, []);
        _cache = cache;
        _current = _fromOptions;
        cache.Changed += change =>
        {
            if (change.Resource == ResourceOf<V1ConfigMap>.Type
                && change.Object.Metadata.NamespaceProperty == ConfigMapNamespace
                && change.Object.Metadata.Name == ConfigMapName)
            {
                Refresh();
            }
        };
    }

    public FailureRules Current => _current;

    /// <summary>Re-reads the ConfigMap from the cache.</summary>
    public void Refresh()
    {
        var configMap = _cache.Get<V1ConfigMap>(ConfigMapNamespace, ConfigMapName);
        var fromConfigMap = configMap is null
            ? FailureRules.None
            : new FailureRules(
                FailureRules.ParseList(configMap.Data?.TryGetValue(FailingImagesKey, out var failing) == true ? failing : null),
                FailureRules.ParseList(configMap.Data?.TryGetValue(UnpullableImagesKey, out var unpullable) == true ? unpullable : null));
        _current = _fromOptions.Combine(fromConfigMap);
    }
}
