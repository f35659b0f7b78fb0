using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeRollout.Sandbox.Security;

/// <summary>
/// The sandbox's TLS identity: a self-signed certificate authority (clients trust it through the kubeconfig's
/// certificate-authority-data; <see cref="SandboxIdentity"/> keeps it in the folder so that a restart keeps the
/// kubeconfig valid) and a server certificate it signs at each start for 127.0.0.1 and localhost.
/// </summary>
public sealed class SandboxCertificates : IDisposable
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    private SandboxCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA certificate, without its private key.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key, for Kestrel.</summary>
    public X509Certificate2 Server { get; }

    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>A new certificate authority, with its private key, valid for ten years.</summary>
    public static X509Certificate2 CreateAuthority(DateTimeOffset now)
    {
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=kuberollout-sandbox-ca", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        return authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }

    /// <summary>A server certificate signed by <paramref name="authority"/> (which must carry its private key).</summary>
    public static SandboxCertificates Create(DateTimeOffset now, X509Certificate2 authority)
    {
        // Allow for clocks that disagree a little about "now".
        var notBefore = now.AddMinutes(-5);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=kuberollout-sandbox", serverKey, HashAlgorithmName.SHA256);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number, as RFC 5280 requires
        using var signed = serverRequest.Create(authority, notBefore, now.AddYears(1), serial);
        using var withKey = signed.CopyWithPrivateKey(serverKey);

        // A PKCS#12 round trip gives a certificate whose key SslStream can use on every platform
        // (on Windows an ephemeral key from CopyWithPrivateKey is refused by SChannel).
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        var publicAuthority = X509CertificateLoader.LoadCertificate(authority.RawData);
        return new SandboxCertificates(publicAuthority, server);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
