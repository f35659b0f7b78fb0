# DaemonSet rollouts (examples/todo-proxy): one pod per node, status, history and undo with kubectl's messages and
# revision numbers, strategies (maxUnavailable, maxSurge, OnDelete), restart, OnDelete pod replacement by node, and
# bad input that changes nothing. Against a sandbox or KUBEROLLOUT_TEST_KUBECONFIG.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $proxy = Get-ExamplePath 'todo-proxy'
    # The update's minReadySeconds of 90 takes 2.25 s per node at this scale.
    $cluster = New-TestCluster -TimeScale 40 -Nodes 3
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }

    function Get-Generation([string] $Namespace) {
        (Invoke-Kubectl -Cluster $cluster -n $Namespace get daemonset todo-proxy -o 'jsonpath={.metadata.generation}').Output
    }

    # node => "pod uid image" for every pod of the DaemonSet that is not being deleted.
    function Get-ProxyPods([string] $Namespace) {
        $lines = (Invoke-Kubectl -Cluster $cluster -n $Namespace get pods -l app=todo-proxy -o 'jsonpath={range .items[*]}{.spec.nodeName} {.metadata.name} {.metadata.uid} {.spec.containers[0].image} {.metadata.deletionTimestamp}{"\n"}{end}').Output -split "`n" |
            Where-Object { $_.Trim() }
        $pods = [ordered]@{}
        foreach ($line in $lines) {
            $node, $name, $uid, $image, $deleting = $line -split ' '
            if ($deleting) { continue }
            if ($pods.Contains($node)) { throw "Two live pods of todo-proxy on node ${node}: $($pods[$node].Name) and $name" }
            $pods[$node] = [pscustomobject]@{ Node = $node; Name = $name; Uid = $uid; Image = $image }
        }
        $pods
    }

    function Get-KubectlRevisions([string] $Namespace) {
        (Invoke-Kubectl -Cluster $cluster -n $Namespace rollout history ds/todo-proxy).Output -split "`n" |
            Where-Object { $_ -match '^\d' } |
            ForEach-Object { $number, $cause = $_ -split '\s{2,}', 2; [pscustomobject]@{ Revision = [long]$number; ChangeCause = $cause.Trim() } }
    }

    $nodes = @((Invoke-Kubectl -Cluster $cluster get nodes -o 'jsonpath={.items[*].metadata.name}').Output -split ' ' | Sort-Object)

    # A namespace of its own with examples/todo-proxy rolled out in it, made the namespace of the cmdlets.
    function Initialize-ProxyNamespace([string] $Prefix) {
        $namespace = New-TestNamespace -Cluster $cluster -Prefix $Prefix
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $namespace
        Get-ChildItem $proxy -Filter *.yaml | ForEach-Object { Invoke-KubeRollout $_.FullName | Out-Null }
        Wait-KubeRollout ds/todo-proxy -Timeout 60s | Out-Null
        $namespace
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'The todo-proxy DaemonSet rollout' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix ds
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Get-ChildItem $proxy -Filter *.yaml | ForEach-Object { Invoke-KubeRollout $_.FullName | Out-Null }
    }

    It 'runs one pod per node and rolls out revision 1 with kubectl''s status message' {
        $status = Wait-KubeRollout ds/todo-proxy -Timeout 60s

        $status.Message | Should -Be 'daemon set "todo-proxy" successfully rolled out'
        $status.State | Should -Be 'Complete'
        $status.Replicas | Should -Be 3
        $status.Revision | Should -Be 1
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout status ds/todo-proxy --watch=false).Output | Should -Be $status.Message
        $pods = Get-ProxyPods $ns
        @($pods.Keys | Sort-Object) | Should -Be $nodes
        $pods.Values.Image | Should -Be @('nginx:1.26-alpine', 'nginx:1.26-alpine', 'nginx:1.26-alpine')
        (Get-KubeRolloutHistory -Kind DaemonSet -Name todo-proxy).Revision | Should -Be @(1)
    }

    It 'rolls the update out node by node, and the history matches kubectl''s' {
        $result = Invoke-KubeRollout (Join-Path $proxy 'update/todo-proxy-v1.27.yaml') -ChangeCause 'nginx 1.27, one node at a time'
        $result.RolloutTriggered | Should -BeTrue
        $result.Revision | Should -Be 2 -Because 'the apply result shows the revision of the new template, as kubectl rollout history numbers it'
        Wait-Until { (Get-KubeRolloutStatus ds/todo-proxy).State -eq 'Progressing' } -TimeoutSeconds 30 -Because 'the controller to start the update'
        (Get-KubeRolloutStatus ds/todo-proxy).Message | Should -Match '^Waiting for daemon set "todo-proxy" rollout to finish: (\d out of 3 new pods have been updated|\d of 3 updated pods are available)\.\.\.$'

        $status = Wait-KubeRollout ds/todo-proxy -Timeout 60s

        $status.Message | Should -Be 'daemon set "todo-proxy" successfully rolled out'
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout status ds/todo-proxy --watch=false).Output | Should -Be $status.Message
        $history = Get-KubeRolloutHistory -Kind DaemonSet -Name todo-proxy
        $history.Revision | Should -Be @(1, 2)
        $history[1].ChangeCause | Should -Be 'nginx 1.27, one node at a time'
        $history[1].IsCurrent | Should -BeTrue
        $history[1].Images | Should -Be @('nginx:1.27-alpine')
        $kubectl = @(Get-KubectlRevisions $ns)
        $kubectl.Revision | Should -Be $history.Revision
        $kubectl[1].ChangeCause | Should -Be 'nginx 1.27, one node at a time'
        (Get-ProxyPods $ns).Values.Image | Should -Be @('nginx:1.27-alpine', 'nginx:1.27-alpine', 'nginx:1.27-alpine')
    }

    It 'shows with -WhatIf the template change an undo would make, and changes nothing' {
        $generation = Get-Generation $ns
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "whatif-$([guid]::NewGuid()).txt"
        Start-Transcript -Path $transcript | Out-Null
        $result = Undo-KubeRollout ds/todo-proxy -WhatIf
        Stop-Transcript | Out-Null

        $result | Should -BeNullOrEmpty
        $text = Get-Content $transcript -Raw
        $text | Should -Match 'roll back from revision 2 to revision 1'
        $text | Should -Match 'nginx:1\.27-alpine'
        $text | Should -Match 'nginx:1\.26-alpine'
        Get-Generation $ns | Should -Be $generation
    }

    It 'skips an undo to the current revision with kubectl''s message' {
        $ours = Undo-KubeRollout ds/todo-proxy -ToRevision 2
        $theirs = Invoke-Kubectl -Cluster $cluster -n $ns rollout undo ds/todo-proxy --to-revision=2

        $ours.Skipped | Should -BeTrue
        $theirs.Output | Should -Be "daemonset.apps/todo-proxy $($ours.Message)"
    }

    It 'refuses revisions not in the history as kubectl does, changing nothing' {
        $generation = Get-Generation $ns
        Undo-KubeRollout ds/todo-proxy -ToRevision 9 -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $missing[0].FullyQualifiedErrorId | Should -BeLike 'RevisionNotFound,*'
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout undo ds/todo-proxy --to-revision=9).Error.Trim() | Should -Be "error: $($missing[0].Exception.Message)"
        Get-Generation $ns | Should -Be $generation
        Get-KubeRolloutHistory ds/todo-proxy -Revision 9 -ErrorVariable history -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $history[0].FullyQualifiedErrorId | Should -BeLike 'RevisionNotFound,*'
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout history ds/todo-proxy --revision=9).Error.Trim() | Should -Be "error: $($history[0].Exception.Message)"
    }

    It 'undoes to revision 1, which becomes revision 3 for the cmdlets and for kubectl' {
        $result = Undo-KubeRollout ds/todo-proxy

        $result.Message | Should -Be 'rolled back'
        $result.FromRevision | Should -Be 2
        $result.ToRevision | Should -Be 1
        $result.NewRevision | Should -Be 3
        $status = Wait-KubeRollout ds/todo-proxy -Timeout 60s
        $status.Revision | Should -Be 3
        $history = Get-KubeRolloutHistory ds/todo-proxy
        $history.Revision | Should -Be @(2, 3)
        ($history | Where-Object IsCurrent).Images | Should -Be @('nginx:1.26-alpine')
        (Get-KubectlRevisions $ns).Revision | Should -Be @(2, 3)
        (Get-ProxyPods $ns).Values.Image | Should -Be @('nginx:1.26-alpine', 'nginx:1.26-alpine', 'nginx:1.26-alpine')
    }

    It 'sees kubectl''s undo as revision 4, and undoes it with -ToRevision 3 to revision 5' {
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout undo ds/todo-proxy).Output | Should -Be 'daemonset.apps/todo-proxy rolled back'
        Wait-Until { (Get-KubeRolloutHistory ds/todo-proxy | Where-Object IsCurrent).Revision -eq 4 } -TimeoutSeconds 30 -Because 'the controller to renumber revision 2'
        (Get-KubeRolloutHistory ds/todo-proxy).Revision | Should -Be @(3, 4)
        (Get-KubectlRevisions $ns).Revision | Should -Be @(3, 4)
        (Wait-KubeRollout ds/todo-proxy -Timeout 60s).Revision | Should -Be 4

        $result = Undo-KubeRollout ds/todo-proxy -ToRevision 3

        $result.FromRevision | Should -Be 4
        $result.ToRevision | Should -Be 3
        $result.NewRevision | Should -Be 5
        (Wait-KubeRollout ds/todo-proxy -Timeout 60s).Revision | Should -Be 5
        (Get-KubectlRevisions $ns).Revision | Should -Be @(4, 5)
        (Get-ProxyPods $ns).Values.Image | Should -Be @('nginx:1.26-alpine', 'nginx:1.26-alpine', 'nginx:1.26-alpine')
    }

    It 'refuses maxSurge beside a non-zero maxUnavailable before sending anything' {
        $generation = Get-Generation $ns
        Set-KubeRolloutStrategy ds/todo-proxy -MaxSurge 1 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'StrategyInvalid,*'
        $problems[0].Exception.Message | Should -Match 'may not be set when maxUnavailable is non-zero'
        Get-Generation $ns | Should -Be $generation
    }

    It 'switches to maxSurge 1, maxUnavailable 0 without a rollout' {
        $result = Set-KubeRolloutStrategy ds/todo-proxy -MaxSurge 1 -MaxUnavailable 0

        $result.Type | Should -Be 'RollingUpdate'
        $result.MaxSurge | Should -Be '1'
        $result.MaxUnavailable | Should -Be '0'
        $result.RolloutTriggered | Should -BeFalse
        (Invoke-Kubectl -Cluster $cluster -n $ns get daemonset todo-proxy -o 'jsonpath={.spec.updateStrategy.rollingUpdate.maxSurge}/{.spec.updateStrategy.rollingUpdate.maxUnavailable}').Output | Should -Be '1/0'
        (Get-KubeRolloutHistory ds/todo-proxy).Revision | Should -Be @(4, 5)
    }

    It 'restarts every pod with a surge, one new pod per node, as revision 6' {
        $before = Get-ProxyPods $ns
        $result = Restart-KubeRollout ds/todo-proxy

        $result.Message | Should -Be 'daemonset.apps/todo-proxy restarted'
        $status = Wait-KubeRollout ds/todo-proxy -Timeout 60s
        $status.Message | Should -Be 'daemon set "todo-proxy" successfully rolled out'
        $status.Revision | Should -Be 6
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout status ds/todo-proxy --watch=false).Output | Should -Be $status.Message
        (Get-KubectlRevisions $ns).Revision | Should -Be @(4, 5, 6)
        Wait-Until { $pods = Get-ProxyPods $ns; $pods.Count -eq 3 } -TimeoutSeconds 30 -Because 'the surge pods'' predecessors to go'
        $after = Get-ProxyPods $ns
        @($after.Keys | Sort-Object) | Should -Be $nodes
        foreach ($node in $nodes) { $after[$node].Uid | Should -Not -Be $before[$node].Uid }
    }

    It 'refuses to pause or resume a DaemonSet, as kubectl does, changing nothing' -ForEach @(
        @{ Command = 'Suspend-KubeRollout'; Verb = 'pause' }
        @{ Command = 'Resume-KubeRollout'; Verb = 'resume' }
    ) {
        $generation = Get-Generation $ns
        & $Command ds/todo-proxy -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'PauseNotSupported,*'
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout $Verb ds/todo-proxy).ExitCode | Should -Not -Be 0
        Get-Generation $ns | Should -Be $generation
        (Invoke-Kubectl -Cluster $cluster -n $ns get daemonset todo-proxy -o 'jsonpath={.spec.paused}').Output | Should -BeNullOrEmpty
    }
}

Describe 'An OnDelete DaemonSet' {
    BeforeAll {
        $ns = Initialize-ProxyNamespace ds-ondelete
        $strategy = Set-KubeRolloutStrategy ds/todo-proxy -Type OnDelete
        $updated = (Get-Content (Join-Path $proxy 'todo-proxy.yaml') -Raw) -replace 'nginx:1\.26-alpine', 'nginx:1.27-alpine'
        $update = Invoke-KubeRollout (New-ManifestFile $updated -Name 'todo-proxy.yaml') -ChangeCause 'nginx 1.27 on delete'
        $before = Get-ProxyPods $ns
    }

    It 'keeps OnDelete through an apply of the new image' {
        $strategy.Type | Should -Be 'OnDelete'
        $update.RolloutTriggered | Should -BeTrue
        (Invoke-Kubectl -Cluster $cluster -n $ns get daemonset todo-proxy -o 'jsonpath={.spec.updateStrategy.type}').Output | Should -Be 'OnDelete'
    }

    It 'reports the pods still waiting to be deleted where kubectl only errors' {
        Wait-Until { (Get-KubeRolloutStatus ds/todo-proxy).State -eq 'WaitingForDeletion' } -TimeoutSeconds 30 -Because 'the controller to observe nginx 1.27'
        $status = Get-KubeRolloutStatus ds/todo-proxy

        $status.OldReplicas | Should -Be 3
        $status.Message | Should -Match '3 of 3 pods are still on the old revision'
        (Invoke-Kubectl -Cluster $cluster -n $ns rollout status ds/todo-proxy --watch=false).Error.Trim() | Should -Be 'error: rollout status is only available for RollingUpdate strategy type'
        (Get-ProxyPods $ns).Values.Image | Should -Be @('nginx:1.26-alpine', 'nginx:1.26-alpine', 'nginx:1.26-alpine')
    }

    It 'does not let Wait-KubeRollout wait forever' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Wait-KubeRollout ds/todo-proxy -Timeout 60s -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'RolloutWaitingForDeletion,*'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'nothing can change without a pod deletion, so waiting out the timeout helps no one'
    }

    It 'refuses <Case> with <Id>, replacing no pod' -ForEach @(
        @{ Case = 'a Deployment name for a node'; Arguments = @{ Name = 'todo-proxy' }; UseNode = $true; Id = 'PodReplacementNotSupported' }
        @{ Case = 'deploy/ for a node'; Arguments = @{ Name = 'deploy/todo-proxy' }; UseNode = $true; Id = 'PodReplacementNotSupported' }
        @{ Case = 'a node without a pod'; Arguments = @{ Name = 'ds/todo-proxy'; Node = 'no-such-node' }; UseNode = $false; Id = 'PodNotFound' }
        @{ Case = 'an ordinal'; Arguments = @{ Name = 'ds/todo-proxy'; Ordinal = 0 }; UseNode = $false; Id = 'OrdinalNotApplicable' }
        @{ Case = 'an unknown DaemonSet'; Arguments = @{ Name = 'ds/no-such-proxy' }; UseNode = $true; Id = 'WorkloadNotFound' }
    ) {
        if ($UseNode) { $Arguments.Node = $nodes[0] }
        Update-KubeRolloutPod @Arguments -Timeout 30s -ErrorVariable problems -ErrorAction SilentlyContinue -Confirm:$false | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $after = Get-ProxyPods $ns
        foreach ($node in $nodes) { $after[$node].Uid | Should -Be $before[$node].Uid }
    }

    It 'lists with -WhatIf the pods it would replace, deleting none' {
        Update-KubeRolloutPod ds/todo-proxy -WhatIf | Should -BeNullOrEmpty

        $after = Get-ProxyPods $ns
        foreach ($node in $nodes) { $after[$node].Uid | Should -Be $before[$node].Uid }
    }

    It 'replaces only the pod on the node it is given' {
        $node = $nodes[1]
        $result = Update-KubeRolloutPod ds/todo-proxy -Node $node -Timeout 60s -Confirm:$false

        $result.Succeeded | Should -BeTrue
        $result.Node | Should -Be $node
        $result.OldPod | Should -Be $before[$node].Name
        $after = Get-ProxyPods $ns
        $after[$node].Name | Should -Be $result.NewPod
        $after[$node].Image | Should -Be 'nginx:1.27-alpine'
        foreach ($other in $nodes | Where-Object { $_ -ne $node }) {
            $after[$other].Uid | Should -Be $before[$other].Uid
            $after[$other].Image | Should -Be 'nginx:1.26-alpine'
        }
        Wait-Until { (Get-KubeRolloutStatus ds/todo-proxy).OldReplicas -eq 2 } -TimeoutSeconds 30 -Because 'the controller to count the replaced pod'
        (Get-KubeRolloutStatus ds/todo-proxy).Message | Should -Match '2 of 3 pods are still on the old revision'
    }

    It 'replaces the rest node by node until the rollout is complete' {
        $rest = @(Update-KubeRolloutPod ds/todo-proxy -Timeout 60s -StopOnFailure -Confirm:$false)

        $rest.Node | Should -Be @($nodes[0], $nodes[2])
        $rest.Succeeded | Should -Be @($true, $true)
        Wait-Until { (Get-KubeRolloutStatus ds/todo-proxy).State -eq 'Complete' } -TimeoutSeconds 30 -Because 'the controller to count the replaced pods'
        (Get-KubeRolloutStatus ds/todo-proxy).Message | Should -Be 'daemon set "todo-proxy" successfully rolled out'
        (Get-ProxyPods $ns).Values.Image | Should -Be @('nginx:1.27-alpine', 'nginx:1.27-alpine', 'nginx:1.27-alpine')
        $history = Get-KubeRolloutHistory ds/todo-proxy
        $history.Revision | Should -Be @(1, 2)
        $history[1].ChangeCause | Should -Be 'nginx 1.27 on delete'
        (Get-KubectlRevisions $ns).Revision | Should -Be @(1, 2)
    }
}

Describe 'An OnDelete DaemonSet with minReadySeconds' {
    BeforeAll {
        $ns = Initialize-ProxyNamespace ds-minready
        # OnDelete with nginx 1.27, and a pod counts as available only 90 s (2.25 s at this scale) after it is Ready.
        $update = (Get-Content (Join-Path $proxy 'update/todo-proxy-v1.27-ondelete.yaml') -Raw) -replace '(?m)^spec:\s*$', "spec:`n  minReadySeconds: 90"
        Invoke-KubeRollout (New-ManifestFile $update -Name 'todo-proxy.yaml') -ChangeCause 'nginx 1.27, minReadySeconds 90' | Out-Null
        Wait-Until { (Get-KubeRolloutStatus ds/todo-proxy).State -eq 'WaitingForDeletion' } -TimeoutSeconds 30 -Because 'the controller to observe nginx 1.27'
        $minReady = [TimeSpan]::FromSeconds(90 / $cluster.TimeScale)

        function Get-Available { [int](Invoke-Kubectl -Cluster $cluster -n $ns get daemonset todo-proxy -o 'jsonpath={.status.numberAvailable}').Output }
        # The old pods, Ready only a moment ago, count as available once 90 s have passed for them too.
        Wait-Until { (Get-Available) -eq 3 } -TimeoutSeconds 30 -Because 'the old pods to be available under minReadySeconds 90'
    }

    It 'replaces a pod only once the one before it is available, never taking two out of service' {
        # Samples the DaemonSet's count of available pods (its controller's, by minReadySeconds) while the pods are replaced.
        $stop = Join-Path ([IO.Path]::GetTempPath()) "kr-sampler-$([guid]::NewGuid().ToString('N'))"
        $sampler = Start-ThreadJob -ArgumentList (Get-KubectlPath), $cluster.KubeConfig, $ns, $stop -ScriptBlock {
            param($Kubectl, $KubeConfig, $Namespace, $Stop)
            while (-not (Test-Path $Stop)) {
                & $Kubectl --kubeconfig $KubeConfig -n $Namespace get daemonset todo-proxy -o 'jsonpath={.status.numberAvailable}'
                Start-Sleep -Milliseconds 50
            }
        }
        try {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $replaced = @(Update-KubeRolloutPod ds/todo-proxy -Timeout 60s -StopOnFailure -Confirm:$false)
            $clock.Stop()
            $availableAtEnd = Get-Available
        }
        finally {
            New-Item -ItemType File -Path $stop | Out-Null
            $samples = @($sampler | Wait-Job | Receive-Job | ForEach-Object { [int]$_ })
            $sampler | Remove-Job
            Remove-Item $stop
        }

        $replaced.Succeeded | Should -Be @($true, $true, $true)
        $availableAtEnd | Should -Be 3 -Because 'the last replacement counted only once it was available'
        $samples.Count | Should -BeGreaterThan 10
        ($samples | Measure-Object -Minimum).Minimum | Should -Be 2 -Because 'one pod at a time is out of service, and only one'
        foreach ($result in $replaced) { $result.Duration | Should -BeGreaterThan $minReady -Because "$($result.OldPod) was Ready $minReady before it was available" }
        $clock.Elapsed | Should -BeGreaterThan ([TimeSpan]::FromTicks($minReady.Ticks * 3))
        (Get-ProxyPods $ns).Values.Image | Should -Be @('nginx:1.27-alpine', 'nginx:1.27-alpine', 'nginx:1.27-alpine')
        (Get-KubeRolloutStatus ds/todo-proxy).AvailableReplicas | Should -Be 3
    }

    It 'asks before deleting pods unless told not to (ConfirmImpact High)' {
        (Get-Command Update-KubeRolloutPod).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}
