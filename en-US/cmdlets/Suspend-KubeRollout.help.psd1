@{
    Synopsis    = 'Pauses a Deployment''s rollouts, like kubectl rollout pause.'
    Description = @'
Suspend-KubeRollout pauses a Deployment: changes to its template are stored but do not roll out until it is resumed,
so several changes can be made and rolled out as one revision. Scaling still works. Only Deployments can be paused;
pausing a paused Deployment is an error, as in kubectl.
'@
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Deployment names, or objects with Kind, Name and Namespace properties.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutActionResult'; Description = 'Action Paused and kubectl''s message (deployment.apps/NAME paused).' }
    )
    Examples    = @(
        @{
            Title   = 'Batch two changes into one rollout'
            Code    = "Suspend-KubeRollout vweb`nInvoke-KubeRollout ./examples/vweb/update/vweb-v2.0.yaml`nSet-KubeRolloutStrategy vweb -MaxSurge 1 -MaxUnavailable 0`nResume-KubeRollout vweb"
            Remarks = 'The new image waits while the Deployment is paused; when it is resumed, it rolls out as one revision with the new strategy.'
        }
        @{
            Title   = 'Pause every Deployment of a namespace'
            Code    = 'Get-KubeRolloutStatus web, api -Namespace shop | Suspend-KubeRollout'
            Remarks = 'Status objects bind by Kind, Name and Namespace.'
        }
    )
    Notes       = 'Error ids: DeploymentAlreadyPaused ("deployments.apps "NAME" is already paused"), PauseNotSupported (not a Deployment), WorkloadNotFound.'
    Links       = @('Resume-KubeRollout', 'Undo-KubeRollout')
}
