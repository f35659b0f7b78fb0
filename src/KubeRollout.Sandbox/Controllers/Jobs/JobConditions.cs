using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.Jobs;

/// <summary>
/// A Job's conditions as the job controller sets them: SuccessCriteriaMet then Complete (reason CompletionsReached),
/// FailureTarget then Failed (with the reason), Suspended; and when the Job finished.
/// </summary>
internal static class JobConditions
{
    public static V1JobStatus CopyOf(V1JobStatus? status) =>
        status is null ? new V1JobStatus() : (V1JobStatus)ModelJson.Deserialize(ModelJson.SerializeToUtf8(status), typeof(V1JobStatus));

    /// <summary>When the Job became Complete or Failed; null while it runs.</summary>
    public static DateTime? FinishedAt(V1Job job) =>
        FinishedCondition(job) is { } finished ? job.Status.CompletionTime ?? finished.LastTransitionTime : null;

    /// <summary>"Complete" or "Failed" once the Job finished; null while it runs.</summary>
    public static string? FinishedType(V1Job job) => FinishedCondition(job)?.Type;

    private static V1JobCondition? FinishedCondition(V1Job job) =>
        job.Status?.Conditions?.FirstOrDefault(c => c.Type is "Complete" or "Failed" && c.Status == "True");

    public static void Complete(V1JobStatus status, DateTime now)
    {
        Set(status, "SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now);
        Set(status, "Complete", "CompletionsReached", "Reached expected number of succeeded pods", now);
        status.CompletionTime = now;
    }

    public static void Fail(V1JobStatus status, string reason, string message, DateTime now)
    {
        Set(status, "FailureTarget", reason, message, now);
        Set(status, "Failed", reason, message, now);
    }

    public static void SetSuspended(V1JobStatus status, bool suspended, DateTime now)
    {
        var current = status.Conditions?.FirstOrDefault(c => c.Type == "Suspended");
        if (suspended && current?.Status != "True")
        {
            Set(status, "Suspended", "JobSuspended", "Job suspended", now);
        }
        else if (!suspended && current?.Status == "True")
        {
            Set(status, "Suspended", "JobResumed", "Job resumed", now, "False");
        }
    }

    private static void Set(V1JobStatus status, string type, string reason, string message, DateTime now, string value = "True")
    {
        status.Conditions ??= [];
        var existing = status.Conditions.FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            status.Conditions.Add(new V1JobCondition { Type = type, Status = value, Reason = reason, Message = message, LastProbeTime = now, LastTransitionTime = now });
            return;
        }

        if (existing.Status != value)
        {
            existing.LastTransitionTime = now;
        }

        (existing.Status, existing.Reason, existing.Message, existing.LastProbeTime) = (value, reason, message, now);
    }
}
