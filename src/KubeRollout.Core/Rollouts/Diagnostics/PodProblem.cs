namespace KubeRollout.Core.Rollouts.Diagnostics;

/// <summary>Why one pod of a rollout is not ready: its waiting or terminated reason, restarts and message.</summary>
public sealed record PodProblem(string Pod, string Reason, int Restarts, string? Message, int? LastExitCode)
{
    /// <summary>The reason, restarts, last exit code and message, without the pod's name.</summary>
    public string State
    {
        get
        {
            var text = $"{Reason}, {Restarts} restart{(Restarts == 1 ? string.Empty : "s")}";
            if (LastExitCode is { } code)
            {
                text += $", last exit code {code}";
            }

            return string.IsNullOrEmpty(Message) ? text : $"{text} ({Message})";
        }
    }

    public override string ToString() => $"pod {Pod}: {State}";
}
