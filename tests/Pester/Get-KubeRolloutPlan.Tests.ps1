# Get-KubeRolloutPlan: the plan, and the plan compared with what the cluster's Deployment controller does in a rollout
# of the examples' Deployments (watched through kubectl get rs -w).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $strategies = Get-ExamplePath 'vweb-strategies'
    $cluster = New-TestCluster -TimeScale 20
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }

    # Starts `kubectl get rs -w` and returns once it has listed the ReplicaSets that exist (they are the old ones).
    function Start-ReplicaSetWatch([string] $Namespace) {
        $folder = Join-Path ([IO.Path]::GetTempPath()) "kr-watch-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        $old = @((Invoke-Kubectl -Cluster $cluster get rs -n $Namespace -o 'jsonpath={.items[*].metadata.name}').Output -split ' ' | Where-Object { $_ })
        $output = Join-Path $folder 'events.txt'
        $process = Start-Process -FilePath (Get-KubectlPath) -PassThru -RedirectStandardOutput $output -RedirectStandardError (Join-Path $folder 'errors.txt') -ArgumentList @(
            '--kubeconfig', $cluster.KubeConfig, 'get', 'rs', '-n', $Namespace, '-w', '--no-headers',
            '-o', 'custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,AVAILABLE:.status.availableReplicas')
        Wait-Until -Because 'kubectl to list the ReplicaSets' -Condition { @(Get-Content $output -ErrorAction SilentlyContinue).Count -ge $old.Count }
        [pscustomobject]@{ Process = $process; Output = $output; Folder = $folder; Old = $old; Namespace = $Namespace }
    }

    # Stops the watch and replays its events: the (old, new) replicas after each change, with the most pods and the
    # fewest available pods at any time.
    function Stop-ReplicaSetWatch($Watch) {
        # A rollout can be found complete a moment before the watch has printed its last changes: wait until the
        # watch's last line for every ReplicaSet is what the API shows now.
        $settled = @((Invoke-Kubectl -Cluster $cluster get rs -n $Watch.Namespace --no-headers -o 'custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,AVAILABLE:.status.availableReplicas').Output -split "`n" |
                Where-Object { $_ } | ForEach-Object { (-split $_) -join ' ' })
        Wait-Until -Because 'the watch to show the settled ReplicaSets' -Condition {
            $last = @{}
            foreach ($line in Get-Content $Watch.Output) { $last[(-split $line)[0]] = (-split $line) -join ' ' }
            @($settled | Where-Object { $last[(-split $_)[0]] -ne $_ }).Count -eq 0
        }
        $Watch.Process.Kill()
        $Watch.Process.WaitForExit()
        $replicaSets = @{}
        $counts = [System.Collections.Generic.List[string]]::new()
        $peak = 0
        $lowest = [int]::MaxValue
        foreach ($line in Get-Content $Watch.Output) {
            $name, $replicas, $available = -split $line
            $replicaSets[$name] = [pscustomobject]@{
                Replicas  = [int]$replicas
                Available = if ($available -eq '<none>') { 0 } else { [int]$available }
            }
            $old = ($replicaSets.Keys | Where-Object { $_ -in $Watch.Old } | ForEach-Object { $replicaSets[$_].Replicas } | Measure-Object -Sum).Sum
            $new = ($replicaSets.Keys | Where-Object { $_ -notin $Watch.Old } | ForEach-Object { $replicaSets[$_].Replicas } | Measure-Object -Sum).Sum
            $available = ($replicaSets.Values.Available | Measure-Object -Sum).Sum
            $peak = [Math]::Max($peak, $old + $new)
            $lowest = [Math]::Min($lowest, $available)
            if ($counts.Count -eq 0 -or $counts[-1] -ne "$old/$new") { $counts.Add("$old/$new") }
        }
        Remove-Item $Watch.Folder -Recurse -Force
        [pscustomobject]@{ Counts = @($counts); PeakPods = $peak; LowestAvailable = $lowest }
    }

    # The plan's (old, new) replicas, as the ReplicaSets show them: steps that only make pods available change none.
    function Get-PlanCounts($Steps) {
        $counts = [System.Collections.Generic.List[string]]::new()
        foreach ($step in $Steps) {
            if ($counts.Count -eq 0 -or $counts[-1] -ne "$($step.OldPods)/$($step.NewPods)") { $counts.Add("$($step.OldPods)/$($step.NewPods)") }
        }
        @($counts)
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'Get-KubeRolloutPlan from parameters' {
    It 'never has more than 4 pods or fewer than 3 available for 3 replicas, surge 1, unavailable 0' {
        $steps = Get-KubeRolloutPlan -Replicas 3 -MaxSurge 1 -MaxUnavailable 0

        $steps.Count | Should -Be 10
        ($steps | Measure-Object TotalPods -Maximum).Maximum | Should -Be 4
        ($steps | Measure-Object AvailablePods -Minimum).Minimum | Should -Be 3
        $steps[0].MaxPods | Should -Be 4
        $steps[0].MinAvailable | Should -Be 3
        $steps[1].Action | Should -Be 'scale up new to 1'
        $steps[1].Chart | Should -Be '●●● □'
        $steps[-1].Chart | Should -Be '■■■'
    }

    It 'removes one old pod while two new ones start for surge 1, unavailable 1' {
        $steps = Get-KubeRolloutPlan -Replicas 3 -MaxSurge 1 -MaxUnavailable 1

        $twoStarting = $steps | Where-Object { $_.OldPods -eq 2 -and $_.NewPods -eq 2 -and $_.UnavailablePods -eq 2 }
        $twoStarting | Should -Not -BeNullOrEmpty
        $twoStarting.Chart | Should -Be '●● □□'
        ($steps | Measure-Object AvailablePods -Minimum).Minimum | Should -Be 2
    }

    It 'plans Recreate as all old pods first, then all new ones' {
        $steps = Get-KubeRolloutPlan -Replicas 3 -Strategy Recreate

        $steps.Action | Should -Be @('start: 3 old', 'scale down old to 0', 'scale up new to 3', 'pods become available')
    }

    It 'uses the defaults 25% / 25% and rounds as the controller does' {
        $steps = Get-KubeRolloutPlan -Replicas 10

        $steps[0].Plan | Should -Be '10 replicas, RollingUpdate maxSurge 25% (at most 13 pods), maxUnavailable 25% (at least 8 available)'
        ($steps | Measure-Object TotalPods -Maximum).Maximum | Should -Be 13
    }

    It 'refuses <Case> with the API''s message' -ForEach @(
        @{ Case = 'maxSurge 0 with maxUnavailable 0'; Parameters = @{ MaxSurge = '0'; MaxUnavailable = '0' }
            Message = 'The strategy is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0' }
        @{ Case = 'maxUnavailable over 100%'; Parameters = @{ MaxUnavailable = '101%' }
            Message = 'The strategy is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"101%"}: must not be greater than 100%' }
        @{ Case = 'Recreate with a surge'; Parameters = @{ Strategy = 'Recreate'; MaxSurge = '1' }
            Message = 'The strategy is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is ''Recreate''' }
    ) {
        $steps = Get-KubeRolloutPlan -Replicas 3 @Parameters -ErrorVariable problems -ErrorAction SilentlyContinue

        $steps | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'StrategyInvalid,KubeRollout.Cmdlets.GetKubeRolloutPlanCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].Exception.Message | Should -BeExactly $Message
    }
}

Describe 'Get-KubeRolloutPlan for a live Deployment, compared with the controller' {
    BeforeEach {
        $ns = New-TestNamespace -Cluster $cluster -Prefix plan
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
    }

    It 'matches the controller step by step for 3 replicas, surge 1, unavailable 0 (vweb-strategies rolling)' {
        Invoke-KubeRollout (Join-Path $strategies 'vweb-rolling-v2.0.yaml') -Wait -Timeout 60s | Out-Null
        $steps = Get-KubeRolloutPlan vweb
        $watch = Start-ReplicaSetWatch $ns

        Restart-KubeRollout vweb | Out-Null
        Wait-KubeRollout vweb -Timeout 60s | Out-Null
        $observed = Stop-ReplicaSetWatch $watch

        $steps[0].Plan | Should -Be "deployment.apps/vweb, next rollout: 3 replicas, RollingUpdate maxSurge 1 (at most 4 pods), maxUnavailable 0 (at least 3 available)"
        $observed.Counts | Should -Be (Get-PlanCounts $steps)
        $observed.PeakPods | Should -Be ($steps | Measure-Object TotalPods -Maximum).Maximum
        $observed.LowestAvailable | Should -Be ($steps | Measure-Object AvailablePods -Minimum).Minimum
        $observed.PeakPods | Should -Be 4
        $observed.LowestAvailable | Should -Be 3
    }

    It 'matches the controller step by step for Recreate (vweb-strategies recreate)' {
        Invoke-KubeRollout (Join-Path $strategies 'vweb-recreate-v2.0.yaml') -Wait -Timeout 60s | Out-Null
        $steps = Get-KubeRolloutPlan vweb
        $watch = Start-ReplicaSetWatch $ns

        Restart-KubeRollout vweb | Out-Null
        Wait-KubeRollout vweb -Timeout 60s | Out-Null
        $observed = Stop-ReplicaSetWatch $watch

        $observed.Counts | Should -Be (Get-PlanCounts $steps)
        $observed.Counts | Should -Be @('3/0', '0/0', '0/3')
        $observed.PeakPods | Should -Be 3
        $observed.LowestAvailable | Should -Be 0
    }

    # With maxUnavailable 1 two new pods start together; the plan makes them available at once, while the cluster's
    # pods become ready one after the other and the controller moves after each. The bounds are the same.
    It 'reaches exactly the plan''s bounds for 4 replicas, surge 1, unavailable 1 (vweb-strategies slow 1.0 to 2.0)' {
        Invoke-KubeRollout (Join-Path $strategies 'vweb-slow-v1.0.yaml') -Wait -Timeout 60s | Out-Null
        $steps = Get-KubeRolloutPlan vweb
        $watch = Start-ReplicaSetWatch $ns

        Invoke-KubeRollout (Join-Path $strategies 'vweb-slow-v2.0.yaml') -Wait -Timeout 120s | Out-Null
        $observed = Stop-ReplicaSetWatch $watch

        $observed.PeakPods | Should -Be ($steps | Measure-Object TotalPods -Maximum).Maximum
        $observed.LowestAvailable | Should -Be ($steps | Measure-Object AvailablePods -Minimum).Minimum
        $observed.PeakPods | Should -Be 5
        $observed.LowestAvailable | Should -Be 3
        $observed.Counts[0] | Should -Be (Get-PlanCounts $steps)[0]
        $observed.Counts[-1] | Should -Be (Get-PlanCounts $steps)[-1]
        $observed.Counts[1] | Should -Be (Get-PlanCounts $steps)[1] -Because 'the first step does not depend on when pods become available'
    }

    It 'continues a rollout that is under way from its current pods' {
        Invoke-KubeRollout (Join-Path $strategies 'vweb-rolling-v2.0.yaml') -Wait -Timeout 60s | Out-Null
        # New pods then take an hour of simulated time to become available: the rollout stays under way.
        Set-KubeRolloutStrategy vweb -MinReadySeconds 3600 -ProgressDeadlineSeconds 7200 | Out-Null
        Restart-KubeRollout vweb | Out-Null
        Wait-Until -Because 'the first new pod to start' -Condition { (Get-KubeRolloutStatus vweb).UpdatedReplicas -ge 1 }

        $steps = Get-KubeRolloutPlan vweb -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings[0].Message | Should -Be 'A rollout of deployment.apps/vweb is under way: the plan continues it from its current pods (3 old, 1 new).'
        $steps[0].Plan | Should -BeLike 'deployment.apps/vweb, rollout in progress: *'
        $steps[0].Action | Should -Be 'start: 3 old, 1 new'
        $steps[-1].OldPods | Should -Be 0
        $steps[-1].NewPods | Should -Be 3
    }

    It 'answers what-if questions about a live Deployment' {
        Invoke-KubeRollout (Join-Path $strategies 'vweb-rolling-v2.0.yaml') -Wait -Timeout 60s | Out-Null

        $steps = Get-KubeRolloutPlan deploy/vweb -MaxUnavailable 1

        $steps[0].Plan | Should -Be 'deployment.apps/vweb, next rollout: 3 replicas, RollingUpdate maxSurge 1 (at most 4 pods), maxUnavailable 1 (at least 2 available)'
    }

    It 'refuses a StatefulSet from the pipeline' {
        $plan = [pscustomobject]@{ Kind = 'StatefulSet'; Name = 'todo-db'; Namespace = $ns } | Get-KubeRolloutPlan -ErrorVariable problems -ErrorAction SilentlyContinue

        $plan | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'PlanNotSupported,KubeRollout.Cmdlets.GetKubeRolloutPlanCommand'
    }

    It 'reports a missing Deployment' {
        Get-KubeRolloutPlan nothing-here -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'WorkloadNotFound,KubeRollout.Cmdlets.GetKubeRolloutPlanCommand'
        $problems[0].Exception.Message | Should -Be 'deployments.apps "nothing-here" not found'
    }
}
