using System.Management.Automation;
using KubeRollout.Core.Rollouts;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>kubectl rollout resume: a paused Deployment rolls out its template again.</summary>
[WorkloadKinds("Deployment")]
[Cmdlet(VerbsLifecycle.Resume, "KubeRollout", SupportsShouldProcess = true)]
[OutputType(typeof(RolloutActionResult))]
public sealed class ResumeKubeRolloutCommand : PausedStateCommand
{
    private protected override bool Paused => false;
}
