using k8s.Models;
using KubeRollout.Sandbox.Controllers.CronJobs;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers.CronJobs;

/// <summary>The CronJob controller on a fast simulated clock (100 simulated seconds per second: a minute is 0.6 s).</summary>
public sealed class CronJobControllerTests
{
    [Fact]
    public async Task Every_minute_a_job_named_after_its_scheduled_minute_runs_and_old_ones_beyond_the_history_limit_go()
    {
        await using var cluster = new TestCluster();
        var cronJob = cluster.Registry.Create(CronJob("tick", "* * * * *", successfulHistory: 1), "test");

        await cluster.WaitUntilAsync(() => Jobs(cluster, cronJob).Count(j => IsComplete(j)) >= 1 && Status(cluster).LastSuccessfulTime is not null, "a job completed", TimeSpan.FromSeconds(30));
        var first = Jobs(cluster, cronJob).First(IsComplete);
        var scheduled = Status(cluster).LastScheduleTime!.Value;
        await cluster.WaitUntilAsync(() => Status(cluster).LastScheduleTime >= scheduled.AddMinutes(2), "two more minutes were scheduled", TimeSpan.FromSeconds(30));
        await cluster.WaitUntilAsync(() => Jobs(cluster, cronJob).Count(IsComplete) <= 1 && cluster.Registry.Get<V1Job>(TestCluster.Namespace, first.Metadata.Name) is null, "the oldest finished jobs are deleted", TimeSpan.FromSeconds(30));

        var minutes = long.Parse(first.Metadata.Name["tick-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var at = DateTimeOffset.FromUnixTimeSeconds(minutes * 60).UtcDateTime;
        Assert.Equal(0, at.Second);
        Assert.Equal(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), first.Metadata.Annotations[CronJobController.ScheduledTimestampAnnotation]);
        var owner = Assert.Single(first.Metadata.OwnerReferences);
        Assert.Equal(("batch/v1", "CronJob", "tick", cronJob.Metadata.Uid, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller));
        Assert.Equal("cron", first.Metadata.Labels["made-by"]);
        Assert.Contains(cluster.EventsFor("tick"), e => e.Reason == "SuccessfulCreate" && e.Message == $"Created job {first.Metadata.Name}");
        Assert.Contains(cluster.EventsFor("tick"), e => e.Reason == "SawCompletedJob" && e.Message == $"Saw completed job: {first.Metadata.Name}, status: Complete");
        Assert.Contains(cluster.EventsFor("tick"), e => e.Reason == "SuccessfulDelete" && e.Message == $"Deleted job {first.Metadata.Name}");
    }

    [Fact]
    public async Task Forbid_starts_no_job_while_one_runs()
    {
        await using var cluster = new TestCluster();
        var cronJob = cluster.Registry.Create(CronJob("forbid", "* * * * *", policy: "Forbid", stuck: true), "test");

        await cluster.WaitUntilAsync(() => cluster.EventsFor("forbid").Any(e => e.Reason == "JobAlreadyActive"), "a start was forbidden", TimeSpan.FromSeconds(30));

        var job = Assert.Single(Jobs(cluster, cronJob));
        Assert.Equal(job.Metadata.Uid, Assert.Single(Status(cluster, "forbid").Active).Uid);
    }

    [Fact]
    public async Task Replace_deletes_the_running_job_and_starts_the_next()
    {
        await using var cluster = new TestCluster();
        var cronJob = cluster.Registry.Create(CronJob("replace", "* * * * *", policy: "Replace", stuck: true), "test");
        await cluster.WaitUntilAsync(() => Status(cluster, "replace").Active is { Count: 1 }, "a job runs", TimeSpan.FromSeconds(30));
        var first = Status(cluster, "replace").Active[0].Name;

        await cluster.WaitUntilAsync(() => Status(cluster, "replace").Active is [var active] && active.Name != first, "the next job replaced it", TimeSpan.FromSeconds(30));

        await cluster.WaitUntilAsync(() => cluster.Registry.Get<V1Job>(TestCluster.Namespace, first) is null, "the replaced job is gone");
        Assert.Contains(cluster.EventsFor("replace"), e => e.Reason == "SuccessfulDelete" && e.Message == $"Deleted job {first}");
        Assert.Single(Jobs(cluster, cronJob));
    }

    [Fact]
    public async Task A_suspended_cron_job_starts_nothing_until_resumed()
    {
        await using var cluster = new TestCluster();
        var cronJob = CronJob("paused", "* * * * *");
        cronJob.Spec.Suspend = true;
        cronJob = cluster.Registry.Create(cronJob, "test");

        await cluster.PassSimulatedTime(TimeSpan.FromMinutes(2.5));
        Assert.Empty(Jobs(cluster, cronJob));
        Assert.Null(Status(cluster, "paused").LastScheduleTime);

        cluster.Modify<V1CronJob>("paused", c => c.Spec.Suspend = false);

        await cluster.WaitUntilAsync(() => Jobs(cluster, cronJob).Count >= 1, "a job starts once resumed", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_time_past_its_starting_deadline_is_missed()
    {
        await using var cluster = new TestCluster();
        var cronJob = CronJob("late", "* * * * *");
        cronJob.Spec.Suspend = true;
        cronJob.Spec.StartingDeadlineSeconds = 5;
        cronJob = cluster.Registry.Create(cronJob, "test");
        await cluster.PassSimulatedTime(TimeSpan.FromMinutes(1.5));

        // Resumed 30 s or more past its last minute: that time is beyond the 5 s deadline, the next one is kept.
        cluster.Modify<V1CronJob>("late", c => c.Spec.Suspend = false);
        await cluster.WaitUntilAsync(() => Jobs(cluster, cronJob).Count >= 1, "the next minute starts a job", TimeSpan.FromSeconds(30));

        var job = Jobs(cluster, cronJob)[0];
        var scheduled = DateTime.Parse(job.Metadata.Annotations[CronJobController.ScheduledTimestampAnnotation], System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        Assert.True(job.Metadata.CreationTimestamp!.Value - scheduled < TimeSpan.FromSeconds(5), $"created {job.Metadata.CreationTimestamp:O} for {scheduled:O}");
    }

    private static V1CronJob CronJob(string name, string schedule, string policy = "Allow", int successfulHistory = 3, bool stuck = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = TestCluster.Namespace },
        Spec = new V1CronJobSpec
        {
            Schedule = schedule,
            ConcurrencyPolicy = policy,
            SuccessfulJobsHistoryLimit = successfulHistory,
            JobTemplate = new V1JobTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["made-by"] = "cron" } },
                Spec = new V1JobSpec
                {
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta
                        {
                            Annotations = stuck ? new Dictionary<string, string> { ["sandbox.kuberollout.io/behavior"] = "unpullable" } : null,
                        },
                        Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "main", Image = "busybox:1.36" }] },
                    },
                },
            },
        },
    };

    private static List<V1Job> Jobs(TestCluster cluster, V1CronJob cronJob) =>
        cluster.Registry.List<V1Job>(TestCluster.Namespace)
            .Where(j => j.Metadata.OwnerReferences?.Any(o => o.Uid == cronJob.Metadata.Uid) == true)
            .OrderBy(j => j.Metadata.Name, StringComparer.Ordinal)
            .ToList();

    private static V1CronJobStatus Status(TestCluster cluster, string name = "tick") =>
        cluster.Registry.Get<V1CronJob>(TestCluster.Namespace, name)?.Status ?? new V1CronJobStatus();

    private static bool IsComplete(V1Job job) => job.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true;
}
