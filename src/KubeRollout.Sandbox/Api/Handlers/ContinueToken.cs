using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KubeRollout.Sandbox.Api.Errors;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>
/// The continue token of a paged list, in the API server's format (storage.EncodeContinue): unpadded base64url of
/// <c>{"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"}</c>, where KEY is the last object's key below the list's
/// prefix (<c>namespace/name</c> across namespaces, <c>name</c> within one).
/// </summary>
internal sealed record ContinueToken(long ResourceVersion, string StartKey)
{
    private const string Version = "meta.k8s.io/v1";

    public string Encode() =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Wire { Version = Version, ResourceVersion = ResourceVersion, StartKey = StartKey }));

    /// <summary>storage.DecodeContinue; a token it refuses is 400 "invalid continue token".</summary>
    public static ContinueToken Decode(string value)
    {
        byte[] data;
        try
        {
            data = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            throw Invalid("illegal base64 data at input byte 0");
        }

        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(data);
        }
        catch (JsonException e)
        {
            throw Invalid(e.Message.Split(" Path:")[0]);
        }

        if (wire?.Version != Version)
        {
            throw Invalid($"server does not recognize this encoded version \"{wire?.Version}\"");
        }

        if (wire.ResourceVersion == 0)
        {
            throw Invalid($"incorrect encoded start resourceVersion (version {Version})");
        }

        if (string.IsNullOrEmpty(wire.StartKey))
        {
            throw Invalid($"encoded start key empty (version {Version})");
        }

        var key = wire.StartKey.StartsWith('/') ? wire.StartKey : "/" + wire.StartKey;
        if (key.Contains("/../", StringComparison.Ordinal) || key.Contains("//", StringComparison.Ordinal) || key.Contains("/./", StringComparison.Ordinal) || key.EndsWith("/..", StringComparison.Ordinal))
        {
            throw Invalid(wire.StartKey); // path traversal out of the list's prefix
        }

        return new ContinueToken(wire.ResourceVersion, key[1..]);
    }

    private static Storage.StoreException Invalid(string reason) =>
        ApiErrors.BadRequest($"invalid continue token: continue key is not valid: {reason}");

    private sealed class Wire
    {
        [JsonPropertyName("v")]
        public string? Version { get; set; }

        [JsonPropertyName("rv")]
        public long ResourceVersion { get; set; }

        [JsonPropertyName("start")]
        public string? StartKey { get; set; }
    }
}
