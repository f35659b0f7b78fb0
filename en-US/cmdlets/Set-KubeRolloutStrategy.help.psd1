@{
    Synopsis    = 'Changes how a Deployment, StatefulSet or DaemonSet rolls out: strategy type, maxSurge, maxUnavailable, partition and rollout timings.'
    Description = @'
Set-KubeRolloutStrategy edits a workload's update strategy (spec.strategy of a Deployment, spec.updateStrategy of a
StatefulSet or DaemonSet) and the settings that shape its rollouts: minReadySeconds, progressDeadlineSeconds
(Deployments) and revisionHistoryLimit. Only the settings you give change; everything else stays as it is.

Switching to Recreate or OnDelete removes the rollingUpdate settings, as the API requires; switching back to
RollingUpdate gets the server's defaults (25% / 25% for a Deployment, maxUnavailable 1 for a DaemonSet, partition 0
for a StatefulSet) unless you give values.

The result is checked with the API server's own rules before anything is sent, and refused with the server's own
message: maxSurge and maxUnavailable both 0, negative numbers, percentages that are not "[0-9]+%", maxUnavailable
over 100%, rollingUpdate values next to Recreate, OnDelete for a Deployment, Recreate for a StatefulSet or
DaemonSet, a DaemonSet with both or neither of maxSurge and maxUnavailable non-zero, a StatefulSet maxUnavailable of
0, a progress deadline not greater than minReadySeconds. -MaxSurge or -MaxUnavailable for a DaemonSet that keeps the
OnDelete strategy is refused too (StrategySettingNotSupported): the API would store them without effect; give -Type
RollingUpdate with them. Nothing is changed on the cluster then.

Risky choices are allowed but warned about: Recreate (the application is down from the start of each rollout until
the new pods are ready), OnDelete (pods update only when deleted), a maxUnavailable that lets every pod go at once
(100%), a partition that holds back every pod. Each later rollout of a Deployment set to Recreate warns again when
Invoke-KubeRollout starts it, naming how many pods stop.

The change is sent as a strategic merge patch pinned to the resourceVersion it was worked out from; when someone
else changed the workload in between, it is read, checked and sent again. Changing these settings never starts a
rollout: only a change of the pod template does. The result says so (RolloutTriggered, compared before and after).

With no setting at all it changes nothing and returns the current settings.
'@
    Parameters  = @{
        Type                    = 'The strategy type: RollingUpdate (all kinds), Recreate (Deployments: all old pods go before new ones start) or OnDelete (StatefulSets and DaemonSets: pods update only when you delete them).'
        MaxSurge                = 'How many pods above the desired count a rolling update may start: an integer or a percentage such as 25% (rounded up). Deployments and DaemonSets (one extra pod per node).'
        MaxUnavailable          = 'How many pods may be unavailable during a rolling update: an integer or a percentage such as 25% (Deployments round down, StatefulSets and DaemonSets up). For a StatefulSet it must be above 0.'
        Partition               = 'StatefulSets only: pods with an ordinal below the partition keep the old revision (replicas 5, partition 3: only pods 3 and 4 update). Lower it to roll out further.'
        MinReadySeconds         = 'How long a new pod must be ready before it counts as available and the rollout moves on.'
        ProgressDeadlineSeconds = 'Deployments only: after how many seconds without progress the rollout is reported as failed (ProgressDeadlineExceeded). Must be greater than MinReadySeconds.'
        RevisionHistoryLimit    = 'How many old revisions (ReplicaSets or ControllerRevisions) to keep for rollbacks. 0 keeps none: there is nothing to undo to.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Workload names (vweb, deploy/vweb, sts/todo-db, ds/todo-proxy), or objects with Kind, Name and Namespace properties.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.Strategies.RolloutStrategy'; Description = 'The settings as the server stored them: Kind, Namespace, Name, Type, MaxSurge, MaxUnavailable, Partition, MinReadySeconds, ProgressDeadlineSeconds, RevisionHistoryLimit, Changes (one line per changed setting), RolloutTriggered (always false: the strategy is not part of the pod template) and Warnings.' }
    )
    Examples    = @(
        @{
            Title   = 'Never run fewer pods than wanted'
            Code    = 'Set-KubeRolloutStrategy vweb -MaxSurge 1 -MaxUnavailable 0'
            Remarks = 'With 3 replicas a rollout then runs at most 4 pods and never has fewer than 3 available. Get-KubeRolloutPlan vweb shows the steps.'
        }
        @{
            Title   = 'Switch to Recreate and back'
            Code    = "Set-KubeRolloutStrategy vweb -Type Recreate`nSet-KubeRolloutStrategy vweb -Type RollingUpdate"
            Remarks = 'The first warns that the application is down during each rollout and removes the rollingUpdate settings; the second restores the defaults 25% / 25%.'
        }
        @{
            Title   = 'Slow a rollout down and fail it sooner'
            Code    = 'Set-KubeRolloutStrategy deploy/vweb -MinReadySeconds 30 -ProgressDeadlineSeconds 120'
            Remarks = 'Each new pod must be ready for 30 s before the next step; Wait-KubeRollout reports the failure when nothing progresses for 120 s.'
        }
        @{
            Title   = 'Stage a StatefulSet update'
            Code    = 'Set-KubeRolloutStrategy sts/todo-db -Partition 3'
            Remarks = 'Of the five todo-db pods, only ordinals 3 and 4 update on the next rollout.'
        }
        @{
            Title   = 'Let a DaemonSet start the new pod before it stops the old one'
            Code    = 'Set-KubeRolloutStrategy ds/todo-proxy -MaxSurge 1 -MaxUnavailable 0'
            Remarks = 'A DaemonSet takes exactly one of them non-zero, so maxUnavailable must go to 0 in the same call.'
        }
        @{
            Title   = 'See what would change'
            Code    = 'Set-KubeRolloutStrategy vweb -MaxUnavailable 100% -WhatIf'
            Remarks = 'Prints the warning and the change (strategy.rollingUpdate.maxUnavailable: 25% -> 100%) and sends nothing.'
        }
    )
    Notes       = 'Error ids: StrategyInvalid (InvalidArgument; the API server''s message, e.g. Deployment.apps "vweb" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ...: may not be 0 when `maxSurge` is 0; the exception''s Problems list each field), StrategySettingNotSupported (InvalidArgument; a setting the kind does not have, such as -Partition for a Deployment or -MaxSurge for a StatefulSet, or -MaxSurge/-MaxUnavailable for a DaemonSet left with OnDelete), WorkloadNotFound, WorkloadKindMismatch, ClusterUnreachable. Nothing is sent when an error is reported before the patch.'
    Links       = @('Get-KubeRolloutPlan', 'Wait-KubeRollout', 'about_KubeRollout')
}
