using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.ConfigMaps;

/// <summary>core/v1 configmaps: no status, no generation; immutable data stays as it is.</summary>
public sealed class ConfigMapStrategy : ResourceStrategy<V1ConfigMap>
{
    public static readonly ResourceType Type = new("", "v1", "configmaps", "configmap", "ConfigMap", Namespaced: true, typeof(V1ConfigMap));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["cm"];

    public override ITablePrinter Printer { get; } = new ConfigMapPrinter();

    protected override void Validate(V1ConfigMap obj, V1ConfigMap? old, FieldErrors errors) => ConfigDataRules.ValidateConfigMap(obj, old, errors);
}
