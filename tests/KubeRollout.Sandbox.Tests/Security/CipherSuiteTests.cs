using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Authentication;
using KubeRollout.Sandbox.Security;
using KubeRollout.Sandbox.Tests.Api;

namespace KubeRollout.Sandbox.Tests.Security;

/// <summary>
/// The sandbox chooses the cipher suite as a real API server does (Go's order on a processor with AES): AES-128-GCM
/// when the client offers it, whatever the client's own order, and still any suite of Go's list the client insists on.
/// </summary>
public sealed class CipherSuiteTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_client_that_offers_AES_256_first_gets_AES_128()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(ApiServerCipherSuites.Policy); // elsewhere a server cannot choose, and the system's order stands
            return;
        }

        var offered = new[] { TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_AES_128_GCM_SHA256 };

        Assert.Equal(TlsCipherSuite.TLS_AES_128_GCM_SHA256, await NegotiateAsync(SslProtocols.Tls13, offered));
    }

    [Theory]
    [InlineData(SslProtocols.Tls13, TlsCipherSuite.TLS_AES_256_GCM_SHA384)]
    [InlineData(SslProtocols.Tls13, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256)]
    [InlineData(SslProtocols.Tls12, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)]
    public async Task A_client_that_offers_one_suite_of_Gos_list_gets_it(SslProtocols protocol, TlsCipherSuite only)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(ApiServerCipherSuites.Policy); // nor can a client choose: there is nothing to offer one by one
            return;
        }

        Assert.Equal(only, await NegotiateAsync(protocol, [only]));
    }

    [SupportedOSPlatform("linux")]
    private async Task<TlsCipherSuite> NegotiateAsync(SslProtocols protocol, TlsCipherSuite[] offered)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(sandbox.Server.BaseUrl.Host, sandbox.Server.BaseUrl.Port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            EnabledSslProtocols = protocol,
            CipherSuitesPolicy = new CipherSuitesPolicy(offered),
            RemoteCertificateValidationCallback = (_, _, _, _) => true, // the suite is under test here, not the certificate
        });
        return tls.NegotiatedCipherSuite;
    }
}
