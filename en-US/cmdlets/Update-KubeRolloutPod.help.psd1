@{
    Synopsis    = 'Replaces the out-of-date pods of an OnDelete StatefulSet or DaemonSet, one at a time.'
    Description = @'
With the OnDelete update strategy a StatefulSet or DaemonSet never replaces a pod by itself: a pod gets the new
template only when it is deleted. Update-KubeRolloutPod does that deletion the careful way: it deletes one pod that
is not on the update revision, waits until the controller's replacement is available at the update revision, and
only then goes on to the next. Available means what it means to the workload's controller: Ready for at least the
workload's minReadySeconds (read from the workload's status, which the controller computes with the cluster's
clock). A pod is deleted only while every other pod of the workload is available, so at most one pod is out of
service at a time.

It deletes pods, so it asks for confirmation by default (ConfirmImpact High); -Confirm:$false runs without asking.

StatefulSet pods are replaced from the highest ordinal down (the order of the controller's rolling update),
DaemonSet pods by node name. -Ordinal and -Node narrow the run to the pods named; a named pod that does not exist is
an error (PodNotFound), one already at the update revision is skipped with a warning.

One PodReplacement is written per pod. A replacement that does not become available within -Timeout is reported
with a PodReplacementFailed error naming the pod's problem (or, for a Ready pod that is not yet available, the
workload's count of available pods); with -StopOnFailure the run stops there.

-Confirm asks before each pod; -WhatIf lists the pods that would be replaced. Workloads with the RollingUpdate
strategy are refused (NotOnDeleteStrategy): their controller replaces pods itself.
'@
    Parameters  = @{
        Kind          = 'The kind of workload: StatefulSet or DaemonSet (a Deployment is refused with PodReplacementNotSupported). Default Deployment, so give -Kind or the sts/NAME or ds/NAME form.'
        Ordinal       = 'Only the StatefulSet pods with these ordinals.'
        Node          = 'Only the pods on these nodes (for DaemonSets, one pod per node). Tab completes the nodes of the cluster.'
        StopOnFailure = 'Stops at the first pod whose replacement does not become available, leaving the rest untouched.'
        Timeout       = 'How long each pod may take (waiting for the other pods to be available, then for the replacement, minReadySeconds included): kubectl''s durations (2s, 5m), a number of seconds, or a TimeSpan. Default: 5 minutes.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Workload names (sts/NAME, ds/NAME) bind to -Name.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.Pods.PodReplacement'; Description = 'One per pod: OldPod, NewPod, Ordinal, Node, OldRevision, Revision, Duration, Succeeded, Message.' }
    )
    Examples    = @(
        @{
            Title   = 'Replace every out-of-date pod of an OnDelete StatefulSet'
            Code    = 'Update-KubeRolloutPod sts/todo-db -Timeout 5m -StopOnFailure -Confirm:$false'
            Remarks = 'todo-db-1 is replaced first, then todo-db-0 once todo-db-1 is available again; -Confirm:$false skips the question per pod.'
        }
        @{
            Title   = 'Replace the DaemonSet pod on one node only, asking first'
            Code    = 'Update-KubeRolloutPod ds/todo-proxy -Node sandbox-node-1 -Confirm'
            Remarks = 'A canary on one node; the other nodes keep the old revision.'
        }
    )
    Notes       = 'Error ids: PodReplacementFailed, PodNotFound, NotOnDeleteStrategy, PodReplacementNotSupported, OrdinalNotApplicable, WorkloadNotObserved, WorkloadNotFound.'
    Links       = @('about_KubeRollout', 'Get-KubeRolloutStatus', 'Set-KubeRolloutStrategy', 'Set-StatefulSetPartition')
}
