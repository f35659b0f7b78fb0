# The commands of every examples/*/README.md, run as written (from the repository root, kubectl included) against a
# sandbox in a namespace of their own: the READMEs show only what works, and each ends where its text says.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $examples = Get-ExamplePath ''
    $cluster = New-TestCluster -TimeScale 20 -FailingImage '*:broken'

    # The README's PowerShell blocks, in order, as one script.
    function Get-ReadmeScript([string] $Folder) {
        $text = Get-Content (Join-Path $examples "$Folder/README.md") -Raw
        $blocks = [regex]::Matches($text, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
        if (-not $blocks) { throw "examples/$Folder/README.md has no powershell block." }
        $blocks -join "`n"
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'The examples'' READMEs' {
    It 'runs the commands of examples/<Folder> and ends as described' -ForEach @(
        @{ Folder = 'vweb'; Check = {
                $current = Get-KubeRolloutHistory vweb | Where-Object IsCurrent
                $current.ChangeCause | Should -Be 'vweb 1.1: version label v1.1'
                $current.Images | Should -Be @('nginx:1.26-alpine')
                (Get-KubeRolloutStatus vweb).State | Should -Be 'Complete'
            }
        }
        @{ Folder = 'vweb-config'; Check = {
                # In place, then versioned by hand (1, 2, 3, undo to 2 = 4), then versioned by the module (5, 6, undo to 5 = 7).
                (Get-KubeRolloutHistory vweb).Revision | Should -Be @(1, 3, 4, 6, 7)
                (Invoke-Kubectl -Cluster $cluster -n $ns get configmap vweb-config -o 'jsonpath={.data.release}').Output | Should -Be 'v3.1'
                $current = Get-KubeRolloutHistory vweb | Where-Object IsCurrent
                $current.ChangeCause | Should -Be 'settings v3.0'
                $current.ConfigMaps | Should -Match '^vweb-config-[2456789bcdfghkmt]{10}$'
                $version = Invoke-Kubectl -Cluster $cluster -n $ns get configmap $current.ConfigMaps[0] -o json | ForEach-Object { $_.Output | ConvertFrom-Json }
                ($version.data.release, $version.immutable) | Should -Be @('v3.0', $true)
                @(Get-KubeRolloutHistory vweb | Where-Object Revision -EQ 6).ConfigMaps | Should -Not -Be $current.ConfigMaps
            }
        }
        @{ Folder = 'vweb-strategies'; Check = {
                (Get-KubeRolloutStatus vweb).State | Should -Be 'Complete'
                (Get-KubeRolloutHistory vweb | Where-Object IsCurrent).Images | Should -Be @('nginx:1.27-alpine')
                (Invoke-Kubectl -Cluster $cluster -n $ns get deploy vweb -o 'jsonpath={.spec.strategy.type}').Output | Should -Be 'Recreate'
            }
        }
        @{ Folder = 'todo-db'; Check = {
                (Invoke-Kubectl -Cluster $cluster -n $ns get pods -l app=todo-db -o 'jsonpath={.items[*].spec.containers[0].image}').Output -split ' ' |
                    Sort-Object -Unique | Should -Be 'postgres:16.4-alpine'
                (Get-KubeRolloutHistory sts/todo-db).Revision | Should -Be @(2, 3)
            }
        }
        @{ Folder = 'todo-proxy'; Check = {
                $status = Get-KubeRolloutStatus ds/todo-proxy
                $status.OldReplicas | Should -Be 0
                (Invoke-Kubectl -Cluster $cluster -n $ns get pods -l app=todo-proxy -o 'jsonpath={.items[*].spec.containers[0].image}').Output -split ' ' |
                    Sort-Object -Unique | Should -Be 'nginx:1.27-alpine'
            }
        }
        @{ Folder = 'blue-green'; Check = {
                (Invoke-Kubectl -Cluster $cluster -n $ns get service vweb -o 'jsonpath={.spec.selector.slot}').Output | Should -Be 'blue'
                (Get-KubeRolloutStatus vweb-green).State | Should -Be 'Complete'
                $history = Get-KubeBlueGreen vweb -History
                $history.To | Should -Be @('vweb-green', 'vweb-blue')
                $history[0].Cause | Should -Be 'vweb 2.0'
                $status = Get-KubeBlueGreen vweb
                $status.Active.Name | Should -Be 'vweb-blue'
                $status.Standby.Name | Should -Be 'vweb-green'
                $blue = (Invoke-Kubectl -Cluster $cluster -n $ns get pods -l 'app=vweb,slot=blue' -o 'jsonpath={.items[*].metadata.name}').Output -split ' '
                $status.EndpointPods | Sort-Object | Should -Be ($blue | Sort-Object)
            }
        }
    ) {
        $ns = New-TestNamespace -Cluster $cluster -Prefix example
        # '*-Kube*' reaches every cmdlet the READMEs call, Set-StatefulSetPartition through its alias.
        $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig; '*-Kube*:Namespace' = $ns }
        # kubectl as the README calls it, pointed at the test's cluster and namespace; a failure stops the script.
        function kubectl {
            $result = Invoke-Kubectl -Cluster $cluster -n $ns @args
            if ($result.ExitCode -ne 0) { throw "kubectl $args failed: $($result.Error)" }
            $result.Output
        }
        $script = [scriptblock]::Create("`$ErrorActionPreference = 'Stop'`n" + (Get-ReadmeScript $Folder))

        Push-Location (Split-Path $examples -Parent)
        try { & $script 2>$null | Out-Null }
        finally { Pop-Location }

        & $Check
    }
}
