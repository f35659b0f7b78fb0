using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRollout.Sandbox.Security;

/// <summary>
/// What clients know the sandbox by, kept in its folder so that a restart at the same folder keeps every kubeconfig
/// that points at it valid (as kind keeps a cluster's CA): the certificate authority (<c>pki/ca.crt</c>, its key
/// <c>pki/ca.key</c>) and the bearer token (<c>token</c>). The key and the token are <see cref="SecretFile"/>s.
/// </summary>
internal sealed class SandboxIdentity : IDisposable
{
    private SandboxIdentity(X509Certificate2 authority, BearerToken token)
    {
        Authority = authority;
        Token = token;
    }

    /// <summary>The CA with its private key.</summary>
    public X509Certificate2 Authority { get; }

    public BearerToken Token { get; }

    public static SandboxIdentity LoadOrCreate(string directory, DateTimeOffset now)
    {
        var pki = Path.Combine(directory, "pki");
        var keyPath = Path.Combine(pki, "ca.key");
        var certificatePath = Path.Combine(pki, "ca.crt");
        var tokenPath = Path.Combine(directory, "token");
        SecretFile.RequirePrivateFolder(directory);
        SecretFile.RequirePrivateFolder(pki);

        X509Certificate2 authority;
        if (File.Exists(keyPath) && File.Exists(certificatePath))
        {
            authority = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath), SecretFile.Read(keyPath));
        }
        else
        {
            authority = SandboxCertificates.CreateAuthority(now);
            using var key = authority.GetECDsaPrivateKey()!;
            SecretFile.Write(keyPath, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(certificatePath, authority.ExportCertificatePem());
        }

        var token = File.Exists(tokenPath) ? BearerToken.From(SecretFile.Read(tokenPath).Trim()) : null;
        if (token is null)
        {
            token = BearerToken.Generate();
            SecretFile.Write(tokenPath, token.Value + "\n");
        }

        return new SandboxIdentity(authority, token);
    }

    public void Dispose() => Authority.Dispose();
}
