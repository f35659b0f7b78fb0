using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.ServiceAccounts;

/// <summary>
/// core/v1 serviceaccounts (pkg/registry/core/serviceaccount): no status, no generation. The serviceaccount
/// controller puts one named <c>default</c> into every namespace.
/// </summary>
public sealed class ServiceAccountStrategy : ResourceStrategy<V1ServiceAccount>
{
    public const string DefaultName = "default";

    public static readonly ResourceType Type = new("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", Namespaced: true, typeof(V1ServiceAccount));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["sa"];

    public override ITablePrinter Printer { get; } = new ServiceAccountPrinter();

    protected override void Validate(V1ServiceAccount obj, V1ServiceAccount? old, FieldErrors errors) =>
        MetadataRules.Validate(obj.Metadata, NameRules.Dns1123Subdomain, errors);
}
