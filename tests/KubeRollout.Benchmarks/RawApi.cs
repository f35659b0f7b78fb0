using System.Net.Http.Headers;
using k8s;

/// <summary>
/// Requests to the sandbox that read the response as bytes, without decoding it: what is measured is the server,
/// not the client's JSON parsing (which on a 2-core machine would compete with the sandbox for the CPU).
/// </summary>
internal sealed class RawApi : IDisposable
{
    private readonly Kubernetes _kubernetes;
    private readonly Uri _server;
    private readonly string? _token;

    public RawApi(string kubeConfigPath)
    {
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeConfigPath);
        _kubernetes = new Kubernetes(configuration);
        _server = new Uri(configuration.Host);
        _token = configuration.AccessToken;
    }

    /// <summary>GETs a path and reads the whole body; returns its length in bytes.</summary>
    public async Task<long> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(pathAndQuery, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return body.LongLength;
    }

    /// <summary>Opens a watch and counts its event lines and bytes into <paramref name="tally"/> until the token is cancelled.</summary>
    public async Task CountWatchEventsAsync(string pathAndQuery, TaskCompletionSource opened, WatchTally tally, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(pathAndQuery, cancellationToken);
            opened.TrySetResult();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                Interlocked.Add(ref tally.Lines, buffer.AsSpan(0, read).Count((byte)'\n'));
                Interlocked.Add(ref tally.Bytes, read);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => _kubernetes.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server, pathAndQuery));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        var response = await _kubernetes.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response;
    }
}

/// <summary>What one watch has read so far.</summary>
internal sealed class WatchTally
{
    public long Lines;
    public long Bytes;
}
