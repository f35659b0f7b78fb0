using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Tests.Hosting;

namespace KubeRollout.Sandbox.Tests.Robustness;

/// <summary>
/// A bounded, seeded fuzz run against the sandbox program: thousands of hostile requests, after which the process
/// still runs and still answers, no answer was a 5xx, and every error was a Status object with its code.
/// </summary>
public sealed class ApiFuzzTests : IDisposable
{
    private const int Requests = 3000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-fuzz-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Thousands_of_hostile_requests_crash_nothing_and_every_error_is_a_Status()
    {
        await using var sandbox = await SandboxProcess.StartAsync(_directory);
        using var ns = await sandbox.Http.PostAsync("/api/v1/namespaces", new StringContent("""{"metadata":{"name":"fuzz"}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, ns.StatusCode);

        var requests = new FuzzedRequests(seed: 14, "fuzz");
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Requests && clock.Elapsed < Budget; i++)
        {
            var request = requests.Next();
            var (code, problem) = await SendAsync(sandbox.Http, request);
            statuses[code] = statuses.GetValueOrDefault(code) + 1;
            if (problem is not null)
            {
                failures.Add($"#{i} {request}: {problem}");
            }

            Assert.False(sandbox.HasExited, $"the sandbox exited after request #{i} {request}");
        }

        var sent = statuses.Values.Sum();
        using var version = await sandbox.Http.GetAsync("/version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
        Assert.Equal(Requests, sent); // all of them within the time budget
        Assert.True(statuses.Keys.Count(c => c >= 400) >= 5, "the run reached too few kinds of refusal: " + string.Join(", ", statuses.Keys));
        Assert.Contains(statuses.Keys, c => c is >= 200 and < 300);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The status code, and what is wrong with the answer (null when it is a proper answer).</summary>
    private static async Task<(int Code, string? Problem)> SendAsync(HttpClient http, FuzzedRequest fuzzed)
    {
        using var message = new HttpRequestMessage(fuzzed.Method, fuzzed.Path);
        if (fuzzed.Body is not null)
        {
            message.Content = new ByteArrayContent(fuzzed.Body);
            if (fuzzed.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzed.ContentType);
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, $"no answer: {e.Message}");
        }

        using (response)
        {
            var code = (int)response.StatusCode;
            if (code >= 500)
            {
                return (code, $"{code}: {await ReadAsync(response)}");
            }

            if (code < 400 || fuzzed.Method == HttpMethod.Head)
            {
                return (code, null); // a watch's stream is left unread: disposing the answer ends it
            }

            var body = await ReadAsync(response);
            try
            {
                var status = JsonNode.Parse(body)!.AsObject();
                return (string?)status["kind"] == "Status" && (string?)status["apiVersion"] == "v1" && (int?)status["code"] == code
                    && (string?)status["status"] == "Failure" && !string.IsNullOrEmpty((string?)status["message"])
                    ? (code, null)
                    : (code, $"{code} without a proper Status: {body}");
            }
            catch (System.Text.Json.JsonException)
            {
                return (code, $"{code} with a body that is not JSON: {body}");
            }
        }
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await response.Content.ReadAsStringAsync(timeout.Token);
    }
}
