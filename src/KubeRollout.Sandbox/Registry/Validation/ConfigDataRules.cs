using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>ConfigMap and Secret data: valid keys, and nothing changes once <c>immutable: true</c> is stored.</summary>
internal static class ConfigDataRules
{
    private const string ImmutableMessage = "field is immutable when `immutable` is set";

    public static void ValidateConfigMap(V1ConfigMap configMap, V1ConfigMap? old, FieldErrors errors)
    {
        MetadataRules.Validate(configMap.Metadata, NameRules.Dns1123Subdomain, errors);
        Keys(configMap.Data?.Keys, "data", errors);
        Keys(configMap.BinaryData?.Keys, "binaryData", errors);
        foreach (var key in (configMap.Data?.Keys ?? []).Intersect(configMap.BinaryData?.Keys ?? []))
        {
            errors.Invalid($"data[{key}]", GoValue.Quote(key), "duplicate of key present in binaryData");
        }

        if (old?.Immutable == true)
        {
            if (configMap.Immutable != true)
            {
                errors.Forbidden("immutable", ImmutableMessage);
            }

            if (!SameJson(configMap.Data, old.Data))
            {
                errors.Forbidden("data", ImmutableMessage);
            }

            if (!SameJson(configMap.BinaryData, old.BinaryData))
            {
                errors.Forbidden("binaryData", ImmutableMessage);
            }
        }
    }

    public static void ValidateSecret(V1Secret secret, V1Secret? old, FieldErrors errors)
    {
        MetadataRules.Validate(secret.Metadata, NameRules.Dns1123Subdomain, errors);
        Keys(secret.Data?.Keys, "data", errors);
        if (secret.Type == "kubernetes.io/tls")
        {
            foreach (var required in new[] { "tls.crt", "tls.key" })
            {
                if (secret.Data?.ContainsKey(required) != true)
                {
                    errors.Required($"data[{required}]");
                }
            }
        }

        if (old is not null)
        {
            if (old.Type != secret.Type)
            {
                errors.Invalid("type", GoValue.Quote(secret.Type), "field is immutable");
            }

            if (old.Immutable == true)
            {
                if (secret.Immutable != true)
                {
                    errors.Forbidden("immutable", ImmutableMessage);
                }

                if (!SameJson(secret.Data, old.Data))
                {
                    errors.Forbidden("data", ImmutableMessage);
                }
            }
        }
    }

    private static void Keys(IEnumerable<string>? keys, string field, FieldErrors errors)
    {
        foreach (var key in keys ?? [])
        {
            foreach (var message in NameRules.ConfigMapKey(key))
            {
                errors.Invalid($"{field}[{key}]", GoValue.Quote(key), message);
            }
        }
    }

    private static bool SameJson(object? a, object? b) =>
        Storage.ModelJson.Serialize(a ?? new Dictionary<string, string>()) == Storage.ModelJson.Serialize(b ?? new Dictionary<string, string>());
}
