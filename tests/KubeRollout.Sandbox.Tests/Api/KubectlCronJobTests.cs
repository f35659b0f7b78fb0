using static KubeRollout.Sandbox.Tests.Api.KubectlOutput;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// batch/v1 CronJobs through the real kubectl 1.35: stored with the API server's defaults, listed with its columns,
/// refused with its words, and a Job made from one with <c>kubectl create job --from=cronjob/…</c>. kubectl's own
/// create commands send protobuf bodies the sandbox does not decode for these kinds yet, so the objects kubectl
/// builds are applied (--dry-run=client -o yaml, then apply).
/// </summary>
public sealed class KubectlCronJobTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task A_cron_job_kubectl_builds_is_stored_with_defaults_and_listed_with_the_api_servers_columns()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var built = await Kubectl.RunAsync("create", "cronjob", "pi", "-n", ns, "--schedule=*/1 * * * *", "--image=busybox", "--dry-run=client", "-o", "yaml", "--", "date");

        var applied = await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync(built.Output));
        var list = await Kubectl.RunAsync("get", "cronjobs", "-n", ns, "-o", "wide");
        var all = await Kubectl.RunAsync("get", "all", "-n", ns, "-o", "name");
        var defaults = await Kubectl.RunAsync("get", "cj", "pi", "-n", ns, "-o",
            "jsonpath={.spec.concurrencyPolicy} {.spec.suspend} {.spec.successfulJobsHistoryLimit} {.spec.failedJobsHistoryLimit} {.metadata.generation} {.spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds}");
        var job = await Kubectl.RunAsync("create", "job", "test-job", "-n", ns, "--from=cronjob/pi", "--dry-run=client", "-o", "yaml");
        var jobApplied = await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync(job.Output));
        var jobOwner = await Kubectl.RunAsync("get", "job", "test-job", "-n", ns, "-o", "jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.spec.template.spec.containers[0].command[0]}");

        Assert.True(applied.ExitCode == 0, applied.Error);
        Assert.Equal("NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE CONTAINERS IMAGES SELECTOR", Columns(Lines(list.Output)[0]));
        Assert.Matches(@"^pi +\*/1 \* \* \* \* +<none> +False +0 +<none> +\d+s +pi +busybox +<none>$", Lines(list.Output)[1]);
        Assert.Contains("cronjob.batch/pi", Lines(all.Output));
        Assert.Equal("Allow false 3 1 1 30", defaults.Output);
        Assert.True(jobApplied.ExitCode == 0, jobApplied.Error);
        Assert.Equal("CronJob/pi date", jobOwner.Output);
    }

    [Theory]
    [InlineData("schedule: '61 * * * *'", "spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61")]
    [InlineData("schedule: '* * *'", "spec.schedule: Invalid value: \"* * *\": expected exactly 5 fields, found 3: [* * *]")]
    [InlineData("schedule: '@fortnightly'", "spec.schedule: Invalid value: \"@fortnightly\": unrecognized descriptor: @fortnightly")]
    [InlineData("schedule: 'x * * * *'", "spec.schedule: Invalid value: \"x * * * *\": failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("schedule: 'TZ=UTC 0 * * * *'", "spec.schedule: Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead")]
    [InlineData("schedule: '0 * * * *'\n  timeZone: Mars/Olympus", "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus")]
    [InlineData("schedule: '0 * * * *'\n  concurrencyPolicy: Sometimes", "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\"")]
    [InlineData("concurrencyPolicy: Forbid", "spec.schedule: Required value")]
    public async Task A_cron_job_the_api_server_refuses_is_refused_with_its_words(string specLines, string expected)
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var manifest = $$"""
            apiVersion: batch/v1
            kind: CronJob
            metadata: { name: bad }
            spec:
              {{specLines}}
              jobTemplate: { spec: { template: { spec: { restartPolicy: OnFailure, containers: [ { name: c, image: busybox } ] } } } }
            """;

        var refused = await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync(manifest));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(expected, refused.Error, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string yaml)
    {
        var path = Path.Combine(sandbox.Directory, $"cronjob-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }
}
