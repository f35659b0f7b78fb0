using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Networking.NetworkPolicies;

/// <summary>
/// networking.k8s.io/v1 networkpolicies, stored (the sandbox's pods reach one another whatever they say, as on a
/// cluster whose network plugin does not enforce them). Defaults as the API server's: policyTypes Ingress, plus
/// Egress when there are egress rules, and port protocol TCP. Generation 1 on create, bumped by a spec change.
/// </summary>
public sealed class NetworkPolicyStrategy : ResourceStrategy<V1NetworkPolicy>
{
    public static readonly ResourceType Type = new("networking.k8s.io", "v1", "networkpolicies", "networkpolicy", "NetworkPolicy", Namespaced: true, typeof(V1NetworkPolicy));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["netpol"];

    public override ITablePrinter Printer { get; } = new NetworkPolicyPrinter();

    protected override void Default(V1NetworkPolicy obj, V1NetworkPolicy? old)
    {
        if (obj.Spec is not { } spec)
        {
            return;
        }

        spec.PodSelector ??= new V1LabelSelector();
        if (spec.PolicyTypes is null || spec.PolicyTypes.Count == 0)
        {
            spec.PolicyTypes = (spec.Egress?.Count ?? 0) > 0 ? ["Ingress", "Egress"] : ["Ingress"];
        }

        foreach (var port in (spec.Ingress ?? []).SelectMany(r => r.Ports ?? []).Concat((spec.Egress ?? []).SelectMany(r => r.Ports ?? [])))
        {
            port.Protocol ??= "TCP";
        }
    }

    protected override void PrepareForCreate(V1NetworkPolicy obj) => Generation.Start(obj.Metadata);

    protected override void PrepareForUpdate(V1NetworkPolicy obj, V1NetworkPolicy old) =>
        Generation.BumpIf(!ObjectComparison.SameValue(obj.Spec, old.Spec), obj.Metadata, old.Metadata);

    protected override void Validate(V1NetworkPolicy obj, V1NetworkPolicy? old, FieldErrors errors)
    {
        MetadataRules.Validate(obj.Metadata, NameRules.Dns1123Subdomain, errors);
        if (obj.Spec?.PodSelector is { } selector)
        {
            SelectorRules.Validate(selector, errors, "spec.podSelector");
        }

        foreach (var (type, i) in (obj.Spec?.PolicyTypes ?? []).Select((t, i) => (t, i)))
        {
            if (type is not ("Ingress" or "Egress"))
            {
                errors.NotSupported($"spec.policyTypes[{i}]", GoValue.Quote(type), "Ingress", "Egress");
            }
        }
    }
}
