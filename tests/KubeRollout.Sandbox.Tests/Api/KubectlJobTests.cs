using static KubeRollout.Sandbox.Tests.Api.KubectlOutput;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// batch/v1 Jobs through the real kubectl 1.35: pods run to completion (or fail) as the simulated kubelet runs a pod
/// whose restart policy is not Always, the job controller counts them, and kubectl wait, get and describe show what
/// they show against a cluster.
/// </summary>
public sealed class KubectlJobTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task A_job_runs_its_completions_and_kubectl_waits_for_complete()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var file = await WriteAsync("""
            apiVersion: batch/v1
            kind: Job
            metadata: { name: migrate }
            spec:
              completions: 3
              parallelism: 2
              template:
                metadata: { labels: { app: migrate } }
                spec: { restartPolicy: Never, containers: [ { name: m, image: "busybox:1.36" } ] }
            """);

        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-n", ns, "-f", file)).ExitCode);
        var waited = await Kubectl.RunAsync("wait", "-n", ns, "--for=condition=complete", "job/migrate", "--timeout=60s");
        var job = await Kubectl.RunAsync("get", "job", "migrate", "-n", ns);
        var pods = await Kubectl.RunAsync("get", "pods", "-n", ns, "-l", "batch.kubernetes.io/job-name=migrate", "-o", "jsonpath={.items[*].status.phase}");
        var labels = await Kubectl.RunAsync("get", "job", "migrate", "-n", ns, "-o", "jsonpath={.metadata.labels.app} {.spec.selector.matchLabels}");
        var events = await Kubectl.RunAsync("get", "events", "-n", ns, "--field-selector", "involvedObject.kind=Job", "-o", "jsonpath={.items[*].reason}");

        Assert.True(waited.ExitCode == 0, waited.Error);
        Assert.Equal("job.batch/migrate condition met", waited.Output.Trim());
        Assert.Equal("NAME STATUS COMPLETIONS DURATION AGE", Columns(Lines(job.Output)[0]));
        Assert.Matches(@"^migrate +Complete +3/3 +\d+s +\d+s$", Lines(job.Output)[1]);
        Assert.Equal(["Succeeded", "Succeeded", "Succeeded"], pods.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^migrate \{""batch\.kubernetes\.io/controller-uid"":""[0-9a-f-]{36}""\}$", labels.Output);
        Assert.Equal(3, events.Output.Split(' ').Count(r => r == "SuccessfulCreate"));
        Assert.Contains("Completed", events.Output.Split(' '));
    }

    [Fact]
    public async Task A_job_whose_pods_fail_fails_past_its_backoff_limit_and_ends_after_its_ttl()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var file = await WriteAsync("""
            apiVersion: batch/v1
            kind: Job
            metadata: { name: broken }
            spec:
              backoffLimit: 1
              ttlSecondsAfterFinished: 1
              template:
                metadata: { annotations: { sandbox.kuberollout.io/behavior: crash } }
                spec: { restartPolicy: Never, containers: [ { name: m, image: "busybox:1.36" } ] }
            """);

        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-n", ns, "-f", file)).ExitCode);
        var waited = await Kubectl.RunAsync("wait", "-n", ns, "--for=condition=failed", "job/broken", "--timeout=60s");
        var reason = await Kubectl.RunAsync("get", "job", "broken", "-n", ns, "-o", "jsonpath={.status.failed} {.status.conditions[?(@.type==\"Failed\")].reason}");
        var gone = await Kubectl.RunAsync("wait", "-n", ns, "--for=delete", "job/broken", "--timeout=60s");

        Assert.True(waited.ExitCode == 0, waited.Error);
        Assert.Equal("2 BackoffLimitExceeded", reason.Output);
        Assert.True(gone.ExitCode == 0, gone.Error);
    }

    [Theory]
    [InlineData("spec: { template: { spec: { containers: [ { name: m, image: i } ] } } }",
        "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"")]
    [InlineData("spec: { selector: { matchLabels: { app: x } }, template: { metadata: { labels: { app: x } }, spec: { restartPolicy: Never, containers: [ { name: m, image: i } ] } } }",
        "`selector` not auto-generated")]
    public async Task A_job_the_api_server_refuses_is_refused_with_its_words(string spec, string expected)
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var refused = await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync($"apiVersion: batch/v1\nkind: Job\nmetadata: {{ name: bad }}\n{spec}"));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(expected, refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jobs_template_cannot_change()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var job = "apiVersion: batch/v1\nkind: Job\nmetadata: { name: once }\nspec: { suspend: true, template: { spec: { restartPolicy: Never, containers: [ { name: m, image: IMAGE } ] } } }";
        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync(job.Replace("IMAGE", "v1", StringComparison.Ordinal)))).ExitCode);

        var changed = await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync(job.Replace("IMAGE", "v2", StringComparison.Ordinal)));
        var suspended = await Kubectl.RunAsync("get", "job", "once", "-n", ns);

        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("spec.template: Invalid value", changed.Error, StringComparison.Ordinal);
        Assert.Contains("field is immutable", changed.Error, StringComparison.Ordinal);
        Assert.Matches(@"^once +Suspended +0/1 +\d+s$", Lines(suspended.Output)[1]);
    }

    private async Task<string> WriteAsync(string yaml)
    {
        var path = Path.Combine(sandbox.Directory, $"job-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }
}
