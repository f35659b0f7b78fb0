@{
    Synopsis    = 'Resumes a paused Deployment, like kubectl rollout resume.'
    Description = @'
Resume-KubeRollout lets a paused Deployment roll out its current template again. Only Deployments can be resumed;
resuming one that is not paused is an error, as in kubectl.
'@
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Deployment names, or objects with Kind, Name and Namespace properties.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutActionResult'; Description = 'Action Resumed and kubectl''s message (deployment.apps/NAME resumed).' }
    )
    Examples    = @(
        @{
            Title   = 'Resume and wait for the rollout'
            Code    = 'Resume-KubeRollout vweb | Wait-KubeRollout -Timeout 5m'
            Remarks = 'The result binds to Wait-KubeRollout by Kind, Name and Namespace.'
        }
        @{
            Title   = 'Resume only after confirming'
            Code    = 'Resume-KubeRollout deploy/vweb -Confirm'
            Remarks = 'Asks before resuming.'
        }
    )
    Notes       = 'Error ids: DeploymentNotPaused ("deployments.apps "NAME" is not paused"), PauseNotSupported, WorkloadNotFound.'
    Links       = @('Suspend-KubeRollout', 'Wait-KubeRollout')
}
