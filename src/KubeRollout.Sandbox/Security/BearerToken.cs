using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace KubeRollout.Sandbox.Security;

/// <summary>
/// The secret every request must present as <c>Authorization: Bearer &lt;token&gt;</c>. Compared in constant time;
/// <see cref="ToString"/> never reveals it, so it cannot leak into a log by accident.
/// </summary>
public sealed class BearerToken
{
    private const string Scheme = "Bearer ";
    private readonly byte[] _expected;

    private BearerToken(string value)
    {
        Value = value;
        _expected = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The token itself, for the kubeconfig only.</summary>
    public string Value { get; }

    public static BearerToken Generate() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    /// <summary>A token kept from an earlier run; null when it is not one this sandbox could have made.</summary>
    public static BearerToken? From(string value) =>
        value.Length >= 32 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? new BearerToken(value) : null;

    /// <summary>True when the Authorization header carries this token with the Bearer scheme.</summary>
    public bool Matches(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(authorizationHeader.AsSpan(Scheme.Length).Trim().ToString());
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }

    public override string ToString() => "BearerToken(***)";
}
