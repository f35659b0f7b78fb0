using System.Management.Automation;
using KubeRollout.Core.Rollouts;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>kubectl rollout pause: template changes stop rolling out until the Deployment is resumed.</summary>
[WorkloadKinds("Deployment")]
[Cmdlet(VerbsLifecycle.Suspend, "KubeRollout", SupportsShouldProcess = true)]
[OutputType(typeof(RolloutActionResult))]
public sealed class SuspendKubeRolloutCommand : PausedStateCommand
{
    private protected override bool Paused => true;
}
