# StatefulSet rollouts (examples/todo-db, five replicas): status, history and undo with kubectl's messages, partitions in stages,
# OnDelete pod replacement, and bad input that changes nothing. Against a sandbox or KUBEROLLOUT_TEST_KUBECONFIG.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $db = Get-ExamplePath 'todo-db'
    $cluster = New-TestCluster -TimeScale 20
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }

    function Get-Generation([string] $Namespace, [string] $Name) {
        (Invoke-Kubectl -Cluster $cluster -n $Namespace get statefulset $Name -o 'jsonpath={.metadata.generation}').Output
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'The todo-db StatefulSet rollout' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix sts
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Get-ChildItem $db -Filter *.yaml | ForEach-Object { Invoke-KubeRollout $_.FullName | Out-Null }
    }

    It 'rolls out revision 1 with kubectl''s status message' {
        $status = Wait-KubeRollout sts/todo-db -Timeout 60s

        $status.Message | Should -Be 'partitioned roll out complete: 5 new pods have been updated...'
        $status.State | Should -Be 'Complete'
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout status sts/todo-db --watch=false).Output | Should -Be $status.Message
        (Get-KubeRolloutHistory sts/todo-db).Revision | Should -Be @(1)
    }

    It 'updates only the pods above the partition, and the history matches kubectl''s' {
        Invoke-KubeRollout (Join-Path $db 'update/todo-db-v16.6-partition.yaml') -ChangeCause 'postgres 16.6, pods 3 and 4' | Out-Null
        $status = Wait-KubeRollout sts/todo-db -Timeout 60s

        $status.Message | Should -Be 'partitioned roll out complete: 2 new pods have been updated...'
        $history = Get-KubeRolloutHistory sts/todo-db
        $history.Revision | Should -Be @(1, 2)
        $history[1].ChangeCause | Should -Be 'postgres 16.6, pods 3 and 4'
        $history[1].IsCurrent | Should -BeTrue
        $history[1].Images | Should -Be @('postgres:16.6-alpine')
        $kubectl = (Invoke-Kubectl -Cluster $cluster -n $ns rollout history sts/todo-db).Output -split "`n" | Where-Object { $_ -match '^\d' }
        $kubectl | ForEach-Object { ($_ -split '\s{2,}')[0] } | Should -Be @('1', '2')
        ($kubectl[1] -split '\s{2,}', 2)[1] | Should -Be 'postgres 16.6, pods 3 and 4'
    }

    It 'shows with -WhatIf which ordinals each stage would replace, and changes nothing' {
        $generation = Get-Generation $ns todo-db
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "whatif-$([guid]::NewGuid()).txt"
        Start-Transcript -Path $transcript | Out-Null
        Set-StatefulSetPartition todo-db -TargetPartition 0 -Step 1 -WhatIf
        Stop-Transcript | Out-Null

        $whatIf = Get-Content $transcript -Raw
        $whatIf | Should -Match 'partition 3 -> 2: replaces ordinal 2'
        $whatIf | Should -Match 'partition 2 -> 1: replaces ordinal 1'
        $whatIf | Should -Match 'partition 1 -> 0: replaces ordinal 0'
        Get-Generation $ns todo-db | Should -Be $generation
    }

    It 'lowers the partition step by step, waiting for each updated pod' {
        $steps = @(Set-StatefulSetPartition todo-db -TargetPartition 0 -Step 1 -Timeout 60s)

        $steps.Count | Should -Be 3
        $steps.Succeeded | Should -Be @($true, $true, $true)
        $steps | ForEach-Object { "$($_.Ordinals)" } | Should -Be @('2', '1', '0')
        (Get-KubeRolloutStatus sts/todo-db).Message | Should -Be 'partitioned roll out complete: 5 new pods have been updated...'
        (Invoke-Kubectl -Cluster $cluster -n $ns get pod todo-db-0 -o 'jsonpath={.spec.containers[0].image}').Output | Should -Be 'postgres:16.6-alpine'
    }

    It 'skips an undo to the current revision with kubectl''s message' {
        $ours = Undo-KubeRollout sts/todo-db -ToRevision 2
        $theirs = Invoke-Kubectl -Cluster $cluster -n $ns rollout undo sts/todo-db --to-revision=2

        $ours.Skipped | Should -BeTrue
        $theirs.Output | Should -Be "statefulset.apps/todo-db $($ours.Message)"
    }

    It 'refuses revisions not in the history as kubectl does, changing nothing' {
        $generation = Get-Generation $ns todo-db
        Undo-KubeRollout sts/todo-db -ToRevision 9 -ErrorVariable missing -ErrorAction SilentlyContinue

        $missing[0].FullyQualifiedErrorId | Should -BeLike 'RevisionNotFound,*'
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout undo sts/todo-db --to-revision=9).Error.Trim() | Should -Be "error: $($missing[0].Exception.Message)"
        Get-Generation $ns todo-db | Should -Be $generation
    }

    It 'undoes to revision 1, which becomes revision 3' {
        $result = Undo-KubeRollout sts/todo-db

        $result.Message | Should -Be 'rolled back'
        $result.ToRevision | Should -Be 1
        $result.FromRevision | Should -Be 2
        $result.NewRevision | Should -Be 3
        Wait-KubeRollout sts/todo-db -Timeout 60s | Out-Null
        $history = Get-KubeRolloutHistory sts/todo-db
        $history.Revision | Should -Be @(2, 3)
        ($history | Where-Object IsCurrent).Images | Should -Be @('postgres:16.4-alpine')
    }

    It 'refuses bad partitions and other kinds with stable ids, changing nothing' -ForEach @(
        @{ Arguments = @{ Name = 'todo-db'; Partition = -1 }; Id = 'PartitionInvalid'; Message = '*' }
        @{ Arguments = @{ Name = 'todo-db'; Partition = 0; Step = 0 }; Id = 'PartitionStepInvalid'; Message = '*' }
        @{ Arguments = @{ Name = 'deploy/todo-db'; Partition = 0 }; Id = 'NotAStatefulSet'; Message = 'deployment.apps/todo-db names a Deployment, not a StatefulSet: *' }
        @{ Arguments = @{ Name = 'no-such-db'; Partition = 0 }; Id = 'WorkloadNotFound'; Message = 'statefulsets.apps "no-such-db" not found' }
    ) {
        $generation = Get-Generation $ns todo-db
        Set-StatefulSetPartition @Arguments -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $problems[0].Exception.Message | Should -BeLike $Message
        Get-Generation $ns todo-db | Should -Be $generation
    }

    It 'warns about a partition above the replica count' {
        $result = Set-StatefulSetPartition todo-db -Partition 6 -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings[0] | Should -Match 'above the replica count \(5\)'
        $result.Partition | Should -Be 6
    }
}

Describe 'Applying a StatefulSet: revisions and scale-ups' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix sts-apply
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns

        # Every pod of todo-db that is Ready, as kubectl shows them.
        function Get-ReadyPods {
            $result = Invoke-Kubectl -Cluster $cluster -n $ns get pods -l app=todo-db -o 'jsonpath={range .items[*]}{.metadata.name} {.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}'
            @($result.Output -split "`n" | Where-Object { $_ -match ' True$' } | ForEach-Object { ($_ -split ' ')[0] } | Sort-Object)
        }
    }

    It 'shows the revision of the StatefulSet in the apply results, as kubectl rollout history numbers it' {
        $created = Invoke-KubeRollout $db -Wait -Timeout 60s | Where-Object Kind -EQ 'StatefulSet'
        $updated = Invoke-KubeRollout (Join-Path $db 'update/todo-db-v16.6.yaml') -Wait -Timeout 60s

        $created.Revision | Should -Be 1
        $updated.RolloutTriggered | Should -BeTrue
        $updated.Revision | Should -Be 2
        $kubectl = (Invoke-Kubectl -Cluster $cluster -n $ns rollout history sts/todo-db).Output -split "`n" | Where-Object { $_ -match '^\d' }
        ($kubectl[-1] -split '\s+')[0] | Should -Be '2'
        (Invoke-KubeRollout (Join-Path $db 'update/todo-db-v16.6.yaml')).Revision | Should -Be 2 -Because 'an unchanged StatefulSet is still at revision 2'
    }

    It 'returns from -Wait on a scale-up only once the last new pod is Ready' {
        $seven = New-ManifestFile ((Get-Content (Join-Path $db 'update/todo-db-v16.6.yaml') -Raw) -replace 'replicas: 5', 'replicas: 7') -Name todo-db-7.yaml

        $result = Invoke-KubeRollout $seven -Wait -Timeout 90s

        $result.Action | Should -Be 'Configured'
        $result.RolloutTriggered | Should -BeFalse
        $result.Revision | Should -Be 2
        Get-ReadyPods | Should -Be @(0..6 | ForEach-Object { "todo-db-$_" }) -Because 'kubectl rollout status waits until readyReplicas reaches the new replicas'
        (Get-KubeRolloutStatus sts/todo-db).ReadyReplicas | Should -Be 7
    }
}

Describe 'An OnDelete StatefulSet' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix ondelete
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        function StatefulSet([string] $Image) {
            New-ManifestFile @"
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: store
spec:
  replicas: 3
  serviceName: store
  selector:
    matchLabels:
      app: store
  updateStrategy:
    type: OnDelete
  template:
    metadata:
      labels:
        app: store
    spec:
      containers:
        - name: store
          image: $Image
"@
        }
        Invoke-KubeRollout (StatefulSet 'store:v1') -Wait -Timeout 60s | Out-Null
        Invoke-KubeRollout (StatefulSet 'store:v2') | Out-Null
    }

    It 'reports the pods still waiting to be deleted where kubectl only errors' {
        Wait-Until { (Get-KubeRolloutStatus sts/store).State -eq 'WaitingForDeletion' } -TimeoutSeconds 30 -Because 'the controller to observe v2'
        $status = Get-KubeRolloutStatus sts/store

        $status.OldReplicas | Should -Be 3
        $status.Message | Should -Match '3 of 3 pods are still on the old revision'
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout status sts/store --watch=false).Error.Trim() | Should -Be 'error: rollout status is only available for RollingUpdate strategy type'
    }

    It 'does not let Wait-KubeRollout wait forever' {
        $status = Wait-KubeRollout sts/store -Timeout 60s -ErrorVariable problems -ErrorAction SilentlyContinue

        $status | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'RolloutWaitingForDeletion,*'
    }

    It 'refuses a partition for an OnDelete StatefulSet' {
        Set-StatefulSetPartition store -Partition 0 -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'PartitionNotApplicable,*'
    }

    It 'lists with -WhatIf the pods it would replace, deleting none' {
        $before = (Invoke-Kubectl -Cluster $cluster -n $ns get pods -o 'jsonpath={.items[*].metadata.uid}').Output
        Update-KubeRolloutPod sts/store -WhatIf | Should -BeNullOrEmpty

        (Invoke-Kubectl -Cluster $cluster -n $ns get pods -o 'jsonpath={.items[*].metadata.uid}').Output | Should -Be $before
    }

    It 'replaces a named ordinal, then the rest from the highest ordinal down' {
        $first = Update-KubeRolloutPod sts/store -Ordinal 0 -Timeout 60s -Confirm:$false

        $first.OldPod | Should -Be 'store-0'
        $first.Succeeded | Should -BeTrue
        $rest = @(Update-KubeRolloutPod sts/store -Timeout 60s -StopOnFailure -Confirm:$false)
        $rest.OldPod | Should -Be @('store-2', 'store-1')
        $rest.Succeeded | Should -Be @($true, $true)
        $rest[0].Revision | Should -Be $first.Revision
        (Get-KubeRolloutStatus sts/store).State | Should -Be 'Complete'
    }

    It 'names pods that do not exist, and refuses RollingUpdate workloads' {
        Update-KubeRolloutPod sts/store -Ordinal 7 -ErrorVariable missing -ErrorAction SilentlyContinue -Confirm:$false
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound,*'

        Update-KubeRolloutPod vweb -ErrorVariable deployment -ErrorAction SilentlyContinue -Confirm:$false
        $deployment[0].FullyQualifiedErrorId | Should -BeLike 'PodReplacementNotSupported,*'
    }
}

Describe 'Undoing a StatefulSet rollout stuck on a pod that never gets ready' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix sts-forced
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        function Version([string] $Image, [switch] $NeverReady) {
            $annotations = if ($NeverReady) { 'annotations: { sandbox.kuberollout.io/behavior: never-ready }, ' } else { '' }
            New-ManifestFile @"
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: ledger }
spec:
  serviceName: ledger
  replicas: 3
  selector: { matchLabels: { app: ledger } }
  template:
    metadata: { $($annotations)labels: { app: ledger } }
    spec: { containers: [ { name: ledger, image: "$Image" } ] }
"@
        }
    }

    It 'stops a staged partition at a pod that never gets ready, naming why, with the StatefulSet as target' {
        Invoke-KubeRollout (Version 'ledger:v1') -Wait -Timeout 60s | Out-Null
        Set-StatefulSetPartition sts/ledger -Partition 3 | Out-Null
        Invoke-KubeRollout (Version 'ledger:v3' -NeverReady) | Out-Null

        Set-StatefulSetPartition sts/ledger -Partition 0 -Step 1 -Timeout 5s -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems[0].FullyQualifiedErrorId | Should -Be 'PartitionStepFailed,KubeRollout.Cmdlets.SetStatefulSetPartitionCommand'
        $problems[0].Exception.Message | Should -BeLike 'statefulset.apps/ledger stopped at partition 2: *ledger-2 (not Ready: *)'
        "$($problems[0].TargetObject)" | Should -Be "statefulset.apps/ledger in namespace $ns"
        (Invoke-Kubectl -Cluster $cluster -n $ns delete statefulset ledger --cascade=foreground --wait=true).ExitCode | Should -Be 0
    }

    It 'warns that the pod of the undone revision must be deleted, and the rollback completes once it is' {
        Invoke-KubeRollout (Version 'ledger:v1') -Wait -Timeout 60s | Out-Null
        Invoke-KubeRollout (Version 'ledger:v2' -NeverReady) | Out-Null
        Wait-Until { (Get-KubeRolloutStatus sts/ledger).UpdatedReplicas -ge 1 } -Because 'ledger-2 runs revision 2'

        $undo = Undo-KubeRollout sts/ledger -WarningVariable warned -WarningAction SilentlyContinue

        $undo.ToRevision | Should -Be 1
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "statefulset.apps/ledger starts or replaces pods in order*pod ledger-2: *kubectl delete pod ledger-2 -n $ns*"
        (Invoke-Kubectl -Cluster $cluster -n $ns delete pod ledger-2).ExitCode | Should -Be 0
        (Wait-KubeRollout sts/ledger -Timeout 60s).State | Should -Be 'Complete'
    }

    It 'rolls back on failure by deleting the pod of the failed revision that the StatefulSet waits for (forced rollback)' {
        $output = Invoke-KubeRollout (Version 'ledger:v4' -NeverReady) -Wait -Timeout 10s -RollbackOnFailure -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

        ($output | Where-Object { $_.PSObject.TypeNames[0] -eq 'KubeRollout.Core.Rollouts.UndoResult' }) | Should -Not -BeNullOrEmpty
        "$warned" | Should -BeLike '*Deleted pod of the failed revision that statefulset.apps/ledger waited for: pod ledger-2: *forced rollback*'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'RolloutRolledBack,*'
        $problems[0].Exception.Message | Should -Match 'which rolled out completely'
        (Get-KubeRolloutHistory sts/ledger | Where-Object IsCurrent).Images | Should -Be @('ledger:v1')
    }
}
