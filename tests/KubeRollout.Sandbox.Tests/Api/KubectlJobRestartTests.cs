using KubeRollout.Sandbox.Hosting;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// A Job whose pods restart their failing container in place (restartPolicy OnFailure): the restarts count against
/// backoffLimit, as the job controller counts them. Simulated time runs 50 times faster here, so that the kubelet's
/// crash back-off (10 s, 20 s, …) passes quickly.
/// </summary>
public sealed class KubectlJobRestartTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-job-restart-tests-" + Guid.NewGuid().ToString("N"));
    private SandboxServer? _server;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { Directory = _directory, TimeScale = 50 });

    [Fact]
    public async Task Restarts_of_an_on_failure_pod_fail_the_job_at_its_backoff_limit()
    {
        var kubectl = new Kubectl(_server!.KubeconfigPath, _directory);
        var file = Path.Combine(_directory, "restarts.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: batch/v1
            kind: Job
            metadata: { name: restarts }
            spec:
              backoffLimit: 2
              template:
                metadata: { annotations: { sandbox.kuberollout.io/behavior: crash } }
                spec: { restartPolicy: OnFailure, containers: [ { name: m, image: "busybox:1.36" } ] }
            """);

        Assert.Equal(0, (await kubectl.RunAsync("apply", "-n", "default", "-f", file)).ExitCode);
        var waited = await kubectl.RunAsync("wait", "-n", "default", "--for=condition=failed", "job/restarts", "--timeout=60s");
        var job = await kubectl.RunAsync("get", "job", "restarts", "-n", "default", "-o", "jsonpath={.status.failed} {.status.active} {.status.conditions[?(@.type==\"Failed\")].reason}");

        Assert.True(waited.ExitCode == 0, waited.Error);
        Assert.Equal("0 0 BackoffLimitExceeded", job.Output); // no pod failed: its restarts did, and it was stopped
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
