@{
    Synopsis    = 'Replaces all pods of a workload with a new rollout, like kubectl rollout restart.'
    Description = @'
Restart-KubeRollout stamps the pod template with the annotation kubectl.kubernetes.io/restartedAt (the current time),
which rolls out a new revision with the same containers, following the workload's update strategy. A paused
Deployment is refused, as in kubectl. A Deployment with the Recreate strategy stops all its pods before the new ones
start: a warning says so ("deployment/NAME rolls out with the Recreate strategy: all N of its pods are stopped ...").
'@
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Workload names, or objects with Kind, Name and Namespace properties.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutActionResult'; Description = 'Action Restarted, RestartedAt and kubectl''s message (deployment.apps/NAME restarted).' }
    )
    Examples    = @(
        @{
            Title   = 'Restart a Deployment after a ConfigMap changed in place'
            Code    = 'Restart-KubeRollout vweb | Wait-KubeRollout -Timeout 5m'
            Remarks = 'Pods pick up the changed configuration as they are replaced.'
        }
        @{
            Title   = 'Restart the database StatefulSet'
            Code    = 'Restart-KubeRollout sts/todo-db -WhatIf'
            Remarks = 'Shows what would be restarted without changing anything.'
        }
    )
    Notes       = 'Error ids: DeploymentPaused ("can''t restart paused deployment (run rollout resume first)", kubectl''s text; ErrorDetails.RecommendedAction names Resume-KubeRollout), WorkloadNotFound, WorkloadNamePatternNotAccepted.'
    Links       = @('Wait-KubeRollout', 'Get-KubeRolloutHistory')
}
