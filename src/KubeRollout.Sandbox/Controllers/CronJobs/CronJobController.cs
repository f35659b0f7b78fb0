using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Controllers.Jobs;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Registry.Batch.CronJobs;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Controllers.CronJobs;

/// <summary>
/// Creates a CronJob's Jobs on its schedule in simulated time (pkg/controller/cronjob, ControllerV2): the Job of the
/// most recent unmet time, named &lt;cronjob&gt;-&lt;minutes since the epoch&gt; with the scheduled-timestamp annotation,
/// unless it is later than startingDeadlineSeconds, suspended, or (Forbid) one still runs; Replace deletes the running
/// ones first. It keeps status.active, lastScheduleTime and lastSuccessfulTime, deletes finished Jobs beyond the history
/// limits, oldest first, and syncs again just after the next schedule time. Without spec.timeZone the schedule is read
/// in UTC (the zone of a controller manager in a container).
/// </summary>
public sealed class CronJobController : WorkloadController<V1CronJob>
{
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    public static readonly EventSource Source = new("cronjob-controller");

    public CronJobController(ClusterRegistry store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("cronjob-controller", "CronJob", store, cache, events, timers, logger, apiVersion: "batch/v1")
    {
    }

    protected override void Sync(ObjectKey key)
    {
        if (Cache.Get<V1CronJob>(key) is not { } cronJob)
        {
            return;
        }

        var now = SimulatedTime.Truncate(Now);
        var jobs = Cache.ControlledBy<V1Job>(cronJob.Metadata.Uid);
        var status = CopyOf(cronJob.Status);
        Reconcile(cronJob, status, jobs);
        var wait = Schedule(key, cronJob, status, now);
        if (!ModelEquality.SameJson(status, cronJob.Status ?? new V1CronJobStatus()))
        {
            var updated = ObjectCopies.Shallow(cronJob);
            updated.Status = status;
            cronJob = Store.UpdateStatus(updated, FieldManagers.ControllerManager);
        }

        CleanUpFinished(cronJob, Cache.ControlledBy<V1Job>(cronJob.Metadata.Uid));
        if (wait is { } delay)
        {
            Queue.AddAfter(key, delay);
        }
    }

    /// <summary>Takes finished Jobs out of status.active, notes the latest success, and forgets Jobs that are gone.</summary>
    private void Reconcile(V1CronJob cronJob, V1CronJobStatus status, List<V1Job> jobs)
    {
        foreach (var job in jobs)
        {
            var finished = JobConditions.FinishedType(job);
            var active = status.Active?.Any(a => a.Uid == job.Metadata.Uid) == true;
            if (active && finished is not null)
            {
                status.Active = status.Active!.Where(a => a.Uid != job.Metadata.Uid).ToList();
                Events.Normal(cronJob, Source, "SawCompletedJob", $"Saw completed job: {job.Metadata.Name}, status: {finished}");
            }

            if (finished == "Complete" && job.Status?.CompletionTime is { } completed && !(status.LastSuccessfulTime >= completed))
            {
                status.LastSuccessfulTime = completed;
            }
        }

        foreach (var gone in (status.Active ?? []).Where(a => jobs.All(j => j.Metadata.Uid != a.Uid)).ToList())
        {
            Events.Normal(cronJob, Source, "MissingJob", $"Active job went missing: {gone.Name}");
            status.Active!.Remove(gone);
        }
    }

    /// <summary>Starts the Job of the most recent unmet time when the policies allow; returns when to look again.</summary>
    private TimeSpan? Schedule(ObjectKey key, V1CronJob cronJob, V1CronJobStatus status, DateTime now)
    {
        var spec = cronJob.Spec;
        if (cronJob.Metadata.DeletionTimestamp is not null)
        {
            return null;
        }

        var zone = TimeZoneInfo.Utc;
        if (spec.TimeZone is { } zoneName && !TimeZones.TryFind(zoneName, out zone))
        {
            Events.Warning(cronJob, Source, "UnknownTimeZone", $"invalid timeZone: \"{zoneName}\": unknown time zone {zoneName}");
            return null;
        }

        if (spec.Suspend == true)
        {
            return null;
        }

        if (CronSchedule.Parse(spec.Schedule, out var error) is not { } schedule)
        {
            Events.Warning(cronJob, Source, "UnparseableSchedule", $"unparseable schedule: \"{spec.Schedule}\" : {error}");
            return null;
        }

        var withStatus = ObjectCopies.Shallow(cronJob);
        withStatus.Status = status;
        var scheduled = ScheduleTimes.MostRecent(withStatus, now, schedule, zone!, honourDeadline: true, out _, out var missed);
        if (missed > ScheduleTimes.ManyMissed)
        {
            Events.Warning(cronJob, Source, "TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
        }

        var next = () => ScheduleTimes.UntilNext(withStatus, now, schedule, zone!);
        if (scheduled is not { } time)
        {
            return next();
        }

        if (spec.StartingDeadlineSeconds is { } deadline && time.AddSeconds(deadline) < now)
        {
            Events.Warning(cronJob, Source, "MissSchedule", $"Missed scheduled time to start a job: {time.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}");
            return next();
        }

        var name = JobName(cronJob, time);
        if (status.Active?.Any(a => a.Name == name) == true || status.LastScheduleTime == time)
        {
            return next();
        }

        if (spec.ConcurrencyPolicy == "Forbid" && status.Active is { Count: > 0 })
        {
            Events.Normal(cronJob, Source, "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
            return next();
        }

        if (spec.ConcurrencyPolicy == "Replace")
        {
            foreach (var running in (status.Active ?? []).ToList())
            {
                DeleteJob(cronJob, running.Name);
                status.Active!.Remove(running);
            }
        }

        if (Start(cronJob, time, zone!) is not { } job)
        {
            return null;
        }

        (status.Active ??= []).Add(new V1ObjectReference
        {
            ApiVersion = "batch/v1", Kind = "Job", NamespaceProperty = job.Metadata.NamespaceProperty, Name = job.Metadata.Name,
            Uid = job.Metadata.Uid, ResourceVersion = job.Metadata.ResourceVersion,
        });
        status.LastScheduleTime = time;
        return next();
    }

    /// <summary>Creates the Job of a scheduled time (or finds the one created before a crash); null when another owns the name.</summary>
    private V1Job? Start(V1CronJob cronJob, DateTime scheduled, TimeZoneInfo zone)
    {
        var template = cronJob.Spec.JobTemplate ?? new V1JobTemplateSpec();
        var annotations = new Dictionary<string, string>(template.Metadata?.Annotations ?? new Dictionary<string, string>())
        {
            [ScheduledTimestampAnnotation] = Rfc3339(TimeZoneInfo.ConvertTimeFromUtc(scheduled, zone), zone.GetUtcOffset(scheduled)),
        };
        var job = new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = JobName(cronJob, scheduled),
                NamespaceProperty = cronJob.Metadata.NamespaceProperty,
                Labels = template.Metadata?.Labels is { } labels ? new Dictionary<string, string>(labels) : null,
                Annotations = annotations,
                OwnerReferences = [OwnerReferences.NewControllerRef(cronJob, "batch/v1", "CronJob")],
            },
            Spec = ObjectCloner.Clone(template.Spec ?? new V1JobSpec()),
        };
        try
        {
            var created = Store.Create(job, FieldManagers.ControllerManager);
            Events.Normal(cronJob, Source, "SuccessfulCreate", $"Created job {created.Metadata.Name}");
            return created;
        }
        catch (StoreException e) when (e.Reason == "AlreadyExists")
        {
            var existing = Store.Get<V1Job>(job.Metadata.NamespaceProperty, job.Metadata.Name);
            return existing is not null && OwnerReferences.IsControlledBy(existing.Metadata, cronJob) ? existing : null;
        }
        catch (StoreException e)
        {
            Events.Warning(cronJob, Source, "FailedCreate", $"Error creating job: {e.Message}");
            throw;
        }
    }

    /// <summary>Deletes the oldest finished Jobs (by start time, then name) beyond the successful and failed history limits.</summary>
    private void CleanUpFinished(V1CronJob cronJob, List<V1Job> jobs)
    {
        foreach (var (type, limit) in new[] { ("Complete", cronJob.Spec.SuccessfulJobsHistoryLimit), ("Failed", cronJob.Spec.FailedJobsHistoryLimit) })
        {
            var finished = jobs.Where(j => JobConditions.FinishedType(j) == type)
                .OrderBy(j => j.Status?.StartTime is null)
                .ThenBy(j => j.Status?.StartTime)
                .ThenBy(j => j.Metadata.Name, StringComparer.Ordinal)
                .ToList();
            foreach (var job in finished.Take(Math.Max(0, finished.Count - (limit ?? finished.Count))))
            {
                DeleteJob(cronJob, job.Metadata.Name);
            }
        }
    }

    private void DeleteJob(V1CronJob cronJob, string name)
    {
        try
        {
            Store.Delete<V1Job>(cronJob.Metadata.NamespaceProperty, name);
            Events.Normal(cronJob, Source, "SuccessfulDelete", $"Deleted job {name}");
        }
        catch (StoreNotFoundException)
        {
        }
    }

    /// <summary>getJobName: the same name for the same scheduled time, so that a Job is never made twice.</summary>
    public static string JobName(V1CronJob cronJob, DateTime scheduled) =>
        $"{cronJob.Metadata.Name}-{new DateTimeOffset(DateTime.SpecifyKind(scheduled, DateTimeKind.Utc)).ToUnixTimeSeconds() / 60}";

    private static string Rfc3339(DateTime local, TimeSpan offset) =>
        offset == TimeSpan.Zero
            ? local.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static V1CronJobStatus CopyOf(V1CronJobStatus? status) =>
        status is null ? new V1CronJobStatus() : (V1CronJobStatus)ModelJson.Deserialize(ModelJson.SerializeToUtf8(status), typeof(V1CronJobStatus));

    protected override void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1CronJob>.Type)
        {
            Queue.Add(ObjectKey.Of(change.Object));
        }
        else if (change.Resource == ResourceOf<V1Job>.Type)
        {
            EnqueueControllersOf(change);
        }
    }

    /// <summary>A CronJob adopts no orphan Jobs: only those it made are its.</summary>
    protected override bool CouldAdopt(V1CronJob workload, IDictionary<string, string>? labels) => false;
}
