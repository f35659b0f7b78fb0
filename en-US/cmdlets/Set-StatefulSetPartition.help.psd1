@{
    Synopsis    = 'Sets a StatefulSet''s rolling-update partition, at once or in stages that wait for the updated pods to be Ready.'
    Description = @'
A StatefulSet with the RollingUpdate strategy updates only the pods whose ordinal is at or above
spec.updateStrategy.rollingUpdate.partition, highest ordinal first. Set-StatefulSetPartition sets that partition.

Without -Step the partition is set in one go (with -Wait it then waits until every pod from the partition up runs
the update revision and is Ready). With -Step N the partition is lowered N ordinals at a time towards -Partition
(alias -TargetPartition): each stage sets the partition, waits until the pods it lets the controller replace are
Ready at the update revision, and only then goes on. The first stage that does not get there within -Timeout stops
the run with a PartitionStepFailed error that says at which partition it stopped and which pods lag; the
partition stays there, so nothing below it is touched.

One PartitionStepResult is written per stage. -WhatIf lists each stage and the ordinals it would replace.

Its name is fixed by the design; the alias Set-KubeStatefulSetPartition gives it the prefix of the module's other
cmdlets, so that $PSDefaultParameterValues['*-Kube*:KubeConfig'] (and any '*-Kube*' default) reaches it too.

A partition below 0 is refused (PartitionInvalid). A partition above the replica count is allowed by the API, but
nothing then updates: a warning says so. A Deployment or DaemonSet is refused (NotAStatefulSet), and so is a
StatefulSet with the OnDelete strategy (PartitionNotApplicable; use Update-KubeRolloutPod).
'@
    Parameters  = @{
        Kind      = 'The kind of workload: StatefulSet (the default here). Any other kind is refused with NotAStatefulSet.'
        Partition = 'The partition to reach: pods with an ordinal at or above it are updated, those below keep the current revision. Alias TargetPartition.'
        Step      = 'Lowers the partition this many ordinals at a time, waiting at each stage until the newly updated pods are Ready (implies -Wait).'
        Wait      = 'Waits until every pod from the partition up runs the update revision and is Ready.'
        Timeout   = 'How long each stage may take: kubectl''s durations (2s, 5m), a number of seconds, or a TimeSpan. Default: 5 minutes.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'StatefulSet names (or sts/NAME) bind to -Name.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.Partitions.PartitionStepResult'; Description = 'One per stage: FromPartition, Partition, Ordinals replaced, UpdateRevision, Waited, Succeeded, Duration, Message.' }
    )
    Examples    = @(
        @{
            Title   = 'Update only the highest pod first (a canary)'
            Code    = 'Set-StatefulSetPartition todo-db -Partition 3 -Wait -Timeout 5m'
            Remarks = 'Of the five replicas of examples/todo-db, pods todo-db-4 and todo-db-3 are updated; ordinals 0-2 keep the current revision until the partition is lowered.'
        }
        @{
            Title   = 'Roll out one pod at a time, stopping at the first that does not become Ready'
            Code    = 'Set-StatefulSetPartition todo-db -TargetPartition 0 -Step 1 -Timeout 2m'
            Remarks = 'Lowers the partition by one, waits for the replaced pod, and continues; a failure leaves the partition where it stopped.'
        }
        @{
            Title   = 'See which pods each stage would replace'
            Code    = 'Set-StatefulSetPartition todo-db -Partition 0 -Step 1 -WhatIf'
            Remarks = 'Prints, for example: partition 3 -> 2: replaces ordinal 2. Nothing is sent.'
        }
    )
    Notes       = 'Error ids: PartitionInvalid, PartitionStepInvalid, NotAStatefulSet, PartitionNotApplicable, PartitionStepFailed, WorkloadNotFound.'
    Links       = @('about_KubeRollout', 'Set-KubeRolloutStrategy', 'Get-KubeRolloutStatus', 'Update-KubeRolloutPod')
}
