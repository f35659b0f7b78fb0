namespace KubeRollout.Core.Rollouts.Deployments;

/// <summary>What to do about a refusal of a paused Deployment, in this module's terms (kubectl's message says kubectl rollout resume).</summary>
internal static class PausedDeployments
{
    public static string ResumeFirst(string @namespace, string name, string retry) =>
        $"Resume it with Resume-KubeRollout -Name {name} -Namespace {@namespace}, then run {retry} again.";
}
