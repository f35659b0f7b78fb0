@{
    Synopsis    = 'Tells where a rollout stands, like kubectl rollout status --watch=false.'
    Description = @'
Get-KubeRolloutStatus reads a workload once and returns its rollout state (Pending, Progressing, Complete, Paused,
Failed, …), kubectl's exact message in the Message property, the replica counts and the current revision. It does
not wait; use Wait-KubeRollout for that.
'@
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Workload names, or objects with Kind, Name and Namespace properties.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutStatus'; Description = 'State, Message, Replicas, UpdatedReplicas, ReadyReplicas, AvailableReplicas, OldReplicas, Revision, Reason.' }
    )
    Examples    = @(
        @{
            Title   = 'Check one Deployment'
            Code    = 'Get-KubeRolloutStatus vweb'
            Remarks = 'Shows, for example, State Complete with the message: deployment "vweb" successfully rolled out.'
        }
        @{
            Title   = 'Find the rollouts that are not complete in a namespace'
            Code    = '''web'', ''api'', ''worker'' | Get-KubeRolloutStatus -Namespace shop | Where-Object State -ne Complete'
            Remarks = 'Names from the pipeline are read one by one.'
        }
    )
    Notes       = 'Error ids: WorkloadNotFound, ClusterUnreachable, ClusterTimeout, KubeConfigNotFound, KubeConfigInvalid (e.g. a certificate authority together with insecure-skip-tls-verify: "specifying a root certificates file with the insecure flag is not allowed", as kubectl says).'
    Links       = @('about_KubeRollout', 'Wait-KubeRollout')
}
