using k8s.Models;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Cache;
using KubeRollout.Sandbox.Machinery.Events;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Controllers.Jobs;

/// <summary>
/// Runs a Job's pods to completion (pkg/controller/job, NonIndexed): keeps min(parallelism, completions left) pods
/// running, replaces a failed one until more than backoffLimit have failed, fails the Job past
/// activeDeadlineSeconds, and when enough pods succeeded marks it SuccessCriteriaMet and Complete (or FailureTarget
/// and Failed) and stops the pods still running; a suspended Job runs none. Once finished, a Job with
/// ttlSecondsAfterFinished is deleted that long after (the TTL-after-finished controller). The pods run as the
/// simulated kubelet runs any pod whose restart policy is not Always: to completion after a short while, or failing
/// as the sandbox's failure rules say.
/// </summary>
public sealed class JobController : WorkloadController<V1Job>
{
    public static readonly EventSource Source = new("job-controller");
    private static readonly EventSource TtlSource = new("ttl-after-finished-controller");

    public JobController(ClusterRegistry store, ClusterCache cache, EventRecorder events, SimulatedTimers timers, ILogger logger)
        : base("job-controller", "Job", store, cache, events, timers, logger, apiVersion: "batch/v1")
    {
    }

    protected override void Sync(ObjectKey key)
    {
        if (Cache.Get<V1Job>(key) is not { } job || job.Metadata.DeletionTimestamp is not null)
        {
            return;
        }

        var now = SimulatedTime.Truncate(Now); // status times are whole seconds, as metav1.Time
        if (JobConditions.FinishedAt(job) is { } finishedAt)
        {
            ExpireAfterTtl(key, job, finishedAt, now);
            return;
        }

        var pods = Claimer.Claim(
            job,
            "batch/v1",
            "Job",
            job.Spec.Selector,
            Cache.ControlledBy<V1Pod>(job.Metadata.Uid),
            Cache.WithoutController<V1Pod>(job.Metadata.NamespaceProperty).Where(p => !PodConditions.IsTerminal(p)));
        var active = pods.Where(PodConditions.IsActive).ToList();
        var succeeded = pods.Count(p => p.Status?.Phase == "Succeeded");
        var failed = pods.Count(p => p.Status?.Phase == "Failed");
        var status = JobConditions.CopyOf(job.Status);
        status.StartTime ??= job.Spec.Suspend == true ? null : now;

        var finish = Finish(job, status, succeeded, failed + RestartsCountedAsFailures(job, active), active.Count, now);
        if (finish is not null || job.Spec.Suspend == true)
        {
            DeletePods(job, active);
            active.Clear();
        }
        else
        {
            active = Manage(job, active, succeeded);
        }

        status.Active = active.Count;
        status.Ready = active.Count(PodConditions.IsReady);
        status.Succeeded = succeeded;
        status.Failed = failed;
        status.Terminating = pods.Count(PodConditions.IsTerminating);
        status.UncountedTerminatedPods ??= new V1UncountedTerminatedPods();
        JobConditions.SetSuspended(status, job.Spec.Suspend == true, now);
        if (!ModelEquality.SameJson(status, job.Status))
        {
            var updated = ObjectCopies.Shallow(job);
            updated.Status = status;
            Store.UpdateStatus(updated, FieldManagers.ControllerManager);
        }

        if (finish is not null)
        {
            Events.Record(job, Source, finish.Value.Type, finish.Value.Reason, finish.Value.Message);
        }
        else if (DeadlineAt(job, status) is { } deadline)
        {
            Queue.AddAfter(key, deadline - now);
        }
    }

    /// <summary>Whether the Job is done now, with the conditions that say so added to <paramref name="status"/>.</summary>
    private static (string Type, string Reason, string Message)? Finish(V1Job job, V1JobStatus status, int succeeded, int failed, int active, DateTime now)
    {
        if (DeadlineAt(job, status) is { } deadline && now >= deadline)
        {
            JobConditions.Fail(status, "DeadlineExceeded", "Job was active longer than specified deadline", now);
            return ("Warning", "DeadlineExceeded", "Job was active longer than specified deadline");
        }

        if (failed > job.Spec.BackoffLimit || (failed > 0 && failed == job.Spec.BackoffLimit && job.Spec.Template?.Spec?.RestartPolicy == "OnFailure"))
        {
            JobConditions.Fail(status, "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
            return ("Warning", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        }

        var complete = job.Spec.Completions is { } completions ? succeeded >= completions : succeeded > 0 && active == 0;
        if (!complete)
        {
            return null;
        }

        JobConditions.Complete(status, now);
        return ("Normal", "Completed", "Job completed");
    }

    /// <summary>
    /// With restartPolicy OnFailure a failing container is restarted in its pod, which never fails: its restarts
    /// count against backoffLimit instead (pastBackoffLimitOnFailure).
    /// </summary>
    private static int RestartsCountedAsFailures(V1Job job, List<V1Pod> active) =>
        job.Spec.Template?.Spec?.RestartPolicy != "OnFailure" ? 0
            : active.Sum(p => (p.Status?.InitContainerStatuses ?? []).Sum(c => c.RestartCount) + (p.Status?.ContainerStatuses ?? []).Sum(c => c.RestartCount));

    /// <summary>Creates or deletes pods so that min(parallelism, completions not yet reached) run.</summary>
    private List<V1Pod> Manage(V1Job job, List<V1Pod> active, int succeeded)
    {
        var parallelism = job.Spec.Parallelism ?? 1;
        var wanted = job.Spec.Completions is { } completions ? Math.Min(parallelism, Math.Max(0, completions - succeeded))
            : succeeded > 0 ? Math.Min(parallelism, active.Count) : parallelism;
        if (active.Count > wanted)
        {
            var surplus = active.OrderBy(p => PodConditions.IsReady(p)).Take(active.Count - wanted).ToList();
            DeletePods(job, surplus);
            return active.Except(surplus).ToList();
        }

        var controllerRef = OwnerReferences.NewControllerRef(job, "batch/v1", "Job");
        for (var i = active.Count; i < wanted; i++)
        {
            try
            {
                var created = Store.Create(PodTemplates.NewPod(job.Spec.Template, job.Metadata.NamespaceProperty, controllerRef, generateName: job.Metadata.Name + "-"), FieldManagers.ControllerManager);
                Events.Normal(job, Source, "SuccessfulCreate", $"Created pod: {created.Metadata.Name}");
                active.Add((V1Pod)created);
            }
            catch (StoreException e)
            {
                Events.Warning(job, Source, "FailedCreate", $"Error creating: {e.Message}");
                throw;
            }
        }

        return active;
    }

    private void DeletePods(V1Job job, IEnumerable<V1Pod> pods)
    {
        foreach (var pod in pods)
        {
            try
            {
                Store.Delete<V1Pod>(pod.Metadata.NamespaceProperty, pod.Metadata.Name);
                Events.Normal(job, Source, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}");
            }
            catch (StoreNotFoundException)
            {
            }
        }
    }

    private void ExpireAfterTtl(ObjectKey key, V1Job job, DateTime finishedAt, DateTime now)
    {
        if (job.Spec.TtlSecondsAfterFinished is not { } ttl)
        {
            return;
        }

        var expiresAt = finishedAt.AddSeconds(ttl);
        if (now < expiresAt)
        {
            Queue.AddAfter(key, expiresAt - now);
            return;
        }

        try
        {
            Store.Delete<V1Job>(job.Metadata.NamespaceProperty, job.Metadata.Name, "Foreground");
            Events.Normal(job, TtlSource, "Deleted", "Job deleted after its ttlSecondsAfterFinished");
        }
        catch (StoreNotFoundException)
        {
        }
    }

    private static DateTime? DeadlineAt(V1Job job, V1JobStatus status) =>
        job.Spec.ActiveDeadlineSeconds is { } seconds && status.StartTime is { } start && job.Spec.Suspend != true ? start.AddSeconds(seconds) : null;

    protected override void OnChanged(CacheEvent change)
    {
        if (change.Resource == ResourceOf<V1Job>.Type)
        {
            Queue.Add(ObjectKey.Of(change.Object));
        }
        else if (change.Resource == ResourceOf<V1Pod>.Type)
        {
            EnqueueControllersOf(change);
        }
    }

    protected override bool CouldAdopt(V1Job workload, IDictionary<string, string>? labels) =>
        LabelSelectors.Matches(workload.Spec.Selector, labels);
}
