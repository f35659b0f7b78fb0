using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Secrets;

/// <summary>
/// core/v1 secrets: type Opaque unless set, stringData folded into data (write-only, as the API server converts it),
/// no generation; immutable data stays as it is.
/// </summary>
public sealed class SecretStrategy : ResourceStrategy<V1Secret>
{
    public static readonly ResourceType Type = new("", "v1", "secrets", "secret", "Secret", Namespaced: true, typeof(V1Secret));

    public override ResourceType Resource => Type;

    public override ITablePrinter Printer { get; } = new SecretPrinter();

    public override IReadOnlyDictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>> SelectableFields { get; } =
        new Dictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>>
        {
            ["type"] = o => ((V1Secret)o).Type ?? string.Empty,
        };

    protected override void Default(V1Secret obj, V1Secret? old)
    {
        obj.Type ??= "Opaque";
        if (obj.StringData is { Count: > 0 } stringData)
        {
            obj.Data ??= new Dictionary<string, byte[]>();
            foreach (var (key, value) in stringData)
            {
                obj.Data[key] = System.Text.Encoding.UTF8.GetBytes(value);
            }
        }

        obj.StringData = null;
    }

    protected override void Validate(V1Secret obj, V1Secret? old, FieldErrors errors) => ConfigDataRules.ValidateSecret(obj, old, errors);
}
