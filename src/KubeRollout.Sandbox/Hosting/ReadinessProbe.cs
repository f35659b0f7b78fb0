using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using KubeRollout.Sandbox.Security;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>Waits until the API answers an authenticated request over TLS, trusting only the sandbox's CA.</summary>
internal static class ReadinessProbe
{
    public static async Task WaitUntilReadyAsync(Uri server, BearerToken token, X509Certificate2 authority, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && IsIssuedBy(certificate, authority),
        };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/version", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("The sandbox API did not answer within 30 seconds.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
