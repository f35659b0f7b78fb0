# $PSDefaultParameterValues['*-Kube*:KubeConfig'] must reach every cmdlet that takes -KubeConfig (the pattern the
# README, the demo and the tests use), Set-StatefulSetPartition included through its alias Set-KubeStatefulSetPartition.
# Each cmdlet is called with a default that names a kubeconfig that does not exist: the error must name that file.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $clusterCmdlets = @(Get-Command -Module KubeRollout -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('KubeConfig') } | ForEach-Object Name)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $clusterCmdlets = @(Get-Command -Module KubeRollout -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('KubeConfig') } | ForEach-Object Name)
    $missing = Join-Path ([IO.Path]::GetTempPath()) "no-such-kubeconfig-$([guid]::NewGuid().ToString('N'))"
    $manifest = New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: settings`ndata:`n  a: b`n"

    # The least each cmdlet needs to reach the cluster.
    $calls = @{
        'Invoke-KubeRollout'       = { Invoke-KubeRollout $manifest -Confirm:$false }
        'Get-KubeRolloutHistory'   = { Get-KubeRolloutHistory vweb }
        'Get-KubeRolloutStatus'    = { Get-KubeRolloutStatus vweb }
        'Wait-KubeRollout'         = { Wait-KubeRollout vweb -Timeout 5s }
        'Undo-KubeRollout'         = { Undo-KubeRollout vweb -Confirm:$false }
        'Suspend-KubeRollout'      = { Suspend-KubeRollout vweb -Confirm:$false }
        'Resume-KubeRollout'       = { Resume-KubeRollout vweb -Confirm:$false }
        'Restart-KubeRollout'      = { Restart-KubeRollout vweb -Confirm:$false }
        'Set-KubeRolloutStrategy'  = { Set-KubeRolloutStrategy vweb -MinReadySeconds 5 -Confirm:$false }
        'Get-KubeRolloutPlan'      = { Get-KubeRolloutPlan -Name vweb }
        'Set-StatefulSetPartition' = { Set-StatefulSetPartition todo-db -Partition 2 -Confirm:$false }
        'Update-KubeRolloutPod'    = { Update-KubeRolloutPod sts/todo-db -Confirm:$false }
        'Compare-KubeRolloutRevision' = { Compare-KubeRolloutRevision vweb }
        'Remove-KubeConfigVersion' = { Remove-KubeConfigVersion -Confirm:$false }
        'Switch-KubeBlueGreen'     = { Switch-KubeBlueGreen vweb vweb-green -Confirm:$false }
        'Get-KubeBlueGreen'        = { Get-KubeBlueGreen vweb }
    }
}

AfterAll {
    Remove-TestCluster $null
}

Describe 'The module''s common default' {
    It 'has a call for every cmdlet that takes -KubeConfig' {
        $clusterCmdlets.Count | Should -BeGreaterThan 10
        ($calls.Keys | Sort-Object) | Should -Be ($clusterCmdlets | Sort-Object)
    }

    It 'reaches <_> through *-Kube*:KubeConfig' -ForEach $clusterCmdlets {
        $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $missing }

        $errors = @(Get-ErrorRecord $calls[$_])

        $errors.Count | Should -BeGreaterThan 0
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'KubeConfigNotFound,*'
        $errors[0].Exception.Message | Should -BeLike "*'$missing'*"
    }

    It 'is what the cmdlet names match, or one of their aliases does' {
        foreach ($name in $clusterCmdlets) {
            $names = @($name) + @(Get-Alias -Definition $name -ErrorAction SilentlyContinue | ForEach-Object Name)
            @($names | Where-Object { $_ -like '*-Kube*' }) | Should -Not -BeNullOrEmpty -Because "$name must be reached by '*-Kube*'"
        }
    }
}
