using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// The content hash kustomize's generators and <c>kubectl create configmap|secret --append-hash</c> append to a
/// name: SHA-256 of Go's JSON encoding of the object's identity and content — for a ConfigMap kind, name, data
/// (null when absent), immutable (when set) and binaryData (when not empty); for a Secret kind, type ("" when
/// absent), name, data and immutable (when set) — of whose hex digest the first 10 characters are kept, with
/// 0, 1, 3, a and e replaced by g, h, k, m and t so that a suffix never spells a word.
/// </summary>
public static class ConfigContentHash
{
    public const int Length = 10;

    /// <summary>The 10-character suffix for a ConfigMap or Secret, given as its JSON (base64 values as the API has them).</summary>
    public static string Of(JsonObject configObject) => Encode(Sha256Hex(Encoded(configObject)));

    /// <summary>The name with the suffix: <c>NAME-SUFFIX</c>.</summary>
    public static string NameOf(JsonObject configObject) => $"{configObject["metadata"]?["name"]?.GetValue<string>()}-{Of(configObject)}";

    /// <summary>The text that is hashed (what kubectl's encodeConfigMap / encodeSecret marshal).</summary>
    public static string Encoded(JsonObject configObject)
    {
        var kind = configObject["kind"]?.GetValue<string>();
        var encoded = new JsonObject
        {
            ["kind"] = kind,
            ["name"] = configObject["metadata"]?["name"]?.GetValue<string>() ?? string.Empty,
        };
        if (configObject["immutable"] is JsonValue immutable)
        {
            encoded["immutable"] = immutable.GetValue<bool>();
        }

        if (kind == ConfigReference.Secret)
        {
            encoded["type"] = configObject["type"]?.GetValue<string>() ?? string.Empty;
            encoded["data"] = CanonicalBase64(configObject["data"] as JsonObject);
        }
        else
        {
            encoded["data"] = configObject["data"]?.DeepClone();
            if (configObject["binaryData"] is JsonObject { Count: > 0 } binary)
            {
                encoded["binaryData"] = CanonicalBase64(binary);
            }
        }

        return GoJson.Serialize(encoded);
    }

    /// <summary>Whether a name is <paramref name="baseName"/> with a content-hash suffix, as its versions are named.</summary>
    public static bool IsVersionName(string name, string baseName) =>
        name.Length == baseName.Length + 1 + Length
        && name.StartsWith(baseName + "-", StringComparison.Ordinal)
        && name[^Length..].All(c => c is >= '2' and <= '9' and not '3' or 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'k' or 'm' or 't');

    /// <summary>kubectl's encodeHash: the first 10 hex characters, with the vowel-like ones replaced.</summary>
    internal static string Encode(string hex)
    {
        var suffix = hex[..Length].ToCharArray();
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = suffix[i] switch
            {
                '0' => 'g',
                '1' => 'h',
                '3' => 'k',
                'a' => 'm',
                'e' => 't',
                var other => other,
            };
        }

        return new string(suffix);
    }

    private static string Sha256Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    /// <summary>Bytes as Go marshals a []byte: standard base64 with padding (a value written otherwise is re-encoded).</summary>
    private static JsonObject? CanonicalBase64(JsonObject? values)
    {
        if (values is null)
        {
            return null;
        }

        var canonical = new JsonObject();
        foreach (var (key, value) in values)
        {
            canonical[key] = Convert.ToBase64String(ConfigData.Bytes(value));
        }

        return canonical;
    }
}
