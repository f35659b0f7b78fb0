@{
    Synopsis    = 'Rolls a workload back to an earlier revision, like kubectl rollout undo [--to-revision N].'
    Description = @'
Undo-KubeRollout restores the pod template of an earlier revision: by default the previous one (the second-highest
revision number), or the one -ToRevision names. The restored revision becomes the newest: history 1,2,3 becomes
1,3,4, and repeated undos toggle between two versions, exactly as with kubectl. An undo of a Deployment with the
Recreate strategy stops all its pods before the restored ones start: a warning says so, before it is asked about
(-WhatIf, -Confirm).

With -WhatIf it shows which revision it would go back to and, field by field, how the template would change, and
sends nothing. With -DryRun the server validates the undo without changing anything (kubectl --dry-run=server).

A paused Deployment is refused with kubectl's message (DeploymentPaused); the displayed error adds what to do here,
Resume-KubeRollout -Name NAME -Namespace NS, which is also in the error's ErrorDetails.RecommendedAction. When the
current template already matches the target revision, nothing is changed and the result says so (Skipped).

A StatefulSet with OrderedReady pod management (the default) waits while any of its pods is not ready, before it
replaces one: when the revision being undone left such a pod (CrashLoopBackOff, say), the undo warns and names it,
because the rollback goes on only once that pod is deleted (Kubernetes' forced rollback).

An undo restores the template, not the data of ConfigMaps and Secrets: it brings old configuration back only when
the configuration was versioned (Invoke-KubeRollout -VersionConfig), so that the old revision references the old
version. Before it changes anything (with -WhatIf and -DryRun too) it checks that every ConfigMap and Secret (and
key) the target revision's pods need still exists, and refuses with UndoConfigMissing when one does not: those pods
could not start (ContainerCreating, CreateContainerConfigError). -Force rolls back anyway.
'@
    Parameters  = @{
        ToRevision = 'The revision to go back to. 0 (the default) means the previous revision. Revision objects from Get-KubeRolloutHistory bind to it (their ToRevision alias property); statuses from Get-KubeRolloutStatus and results of Invoke-KubeRollout, whose Revision is the current one, do not, so piping them goes back to the previous revision. Tab completes the revisions of the workload named by -Name, newest first, with their images and change causes.'
        DryRun     = 'Sends the undo as a server-side dry run: the server validates it and nothing changes.'
        Force      = 'Rolls back even when ConfigMaps or Secrets (or keys) that the target revision''s pods need no longer exist.'
    }
    Inputs      = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutRevision'; Description = 'Revisions from Get-KubeRolloutHistory bind by Kind, Name, Namespace and Revision (as ToRevision); strings bind to -Name.' }
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutStatus'; Description = 'Statuses from Get-KubeRolloutStatus bind by Kind, Name and Namespace: the undo goes back to the previous revision.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.UndoResult'; Description = 'FromRevision, ToRevision, NewRevision (the number the restored revision got), Skipped, DryRun, Message, Changes.' }
    )
    Examples    = @(
        @{
            Title   = 'Undo the last rollout'
            Code    = 'Undo-KubeRollout vweb'
            Remarks = 'Goes back to the previous revision, which then gets the next revision number.'
        }
        @{
            Title   = 'See what going back to revision 2 would change'
            Code    = 'Undo-KubeRollout deploy/vweb -ToRevision 2 -WhatIf'
            Remarks = 'Prints, for example: ~ spec.containers[web].image: nginx:1.27-alpine -> nginx:1.26-alpine. Nothing is sent.'
        }
        @{
            Title   = 'Undo to the revision with a given change cause'
            Code    = 'Get-KubeRolloutHistory vweb | Where-Object ChangeCause -like ''*v1.1*'' | Undo-KubeRollout'
            Remarks = 'The revision from the history binds to -ToRevision.'
        }
        @{
            Title   = 'Roll back every Deployment of a namespace whose rollout failed'
            Code    = 'Get-KubeRolloutStatus -Namespace shop | Where-Object State -eq Failed | Undo-KubeRollout'
            Remarks = 'Each failed workload goes back to its previous revision (a status''s Revision is the current one and does not bind to -ToRevision).'
        }
    )
    Notes       = 'Error ids: RevisionNotFound ("unable to find specified revision N in history"), NoRolloutHistory, DeploymentPaused (Exception.Message is kubectl''s text; ErrorDetails.RecommendedAction names Resume-KubeRollout), UndoConfigMissing (ObjectNotFound: the target revision needs a ConfigMap, Secret or key that no longer exists; -Force overrides), WorkloadNotFound, WorkloadNamePatternNotAccepted, ClusterUnreachable.'
    Links       = @('about_KubeRollout', 'Get-KubeRolloutHistory', 'Compare-KubeRolloutRevision', 'Resume-KubeRollout')
}
