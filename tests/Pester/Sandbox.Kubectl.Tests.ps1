# kubectl 1.35 against the sandbox: what it prints must be what a real cluster gives.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $vweb = Get-ExamplePath 'vweb'
    $cluster = New-TestCluster -TimeScale 20
    $ns = New-TestNamespace -Cluster $cluster -Prefix kubectl
    # A simple function (no param block): kubectl's -o must not be taken for a common parameter.
    function Kubectl { Invoke-Kubectl -Cluster $cluster -n $ns @args }
    function Assert-Ok($Result) { $Result.ExitCode | Should -Be 0 -Because $Result.Error; $Result.Output }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'kubectl against the sandbox' {
    It 'applies with default validation, and re-applies unchanged and changed files' {
        Assert-Ok (Kubectl apply -f (Join-Path $vweb 'vweb-v1.0.yaml')) | Should -Be 'deployment.apps/vweb created'
        Assert-Ok (Kubectl apply -f (Join-Path $vweb 'vweb-v1.0.yaml')) | Should -Be 'deployment.apps/vweb unchanged'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Should -Match 'deployment "vweb" successfully rolled out$'
        Assert-Ok (Kubectl apply -f (Join-Path $vweb 'update/vweb-v2.0.yaml')) | Should -Be 'deployment.apps/vweb configured'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Should -Match 'deployment "vweb" successfully rolled out$'
    }

    It 'rejects an unknown field as a real server does' {
        $bad = New-ManifestFile ((Get-Content (Join-Path $vweb 'vweb-v1.0.yaml') -Raw) -replace 'replicas: 2', "replicas: 2`n  replica: 3")
        $result = Kubectl apply -f $bad

        $result.ExitCode | Should -Not -Be 0
        $result.Error | Should -Match 'unknown field "spec.replica"'
    }

    It 'gets deployments, replica sets and pods with a real cluster''s columns' {
        $output = Assert-Ok (Kubectl get 'deploy,rs,pods')

        $output | Should -Match '(?m)^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$'
        $output | Should -Match '(?m)^deployment\.apps/vweb\s+3/3\s+3\s+3\s+\S+$'
        $output | Should -Match '(?m)^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$'
        $output | Should -Match '(?m)^replicaset\.apps/vweb-[a-z0-9]+\s+3\s+3\s+3\s+\S+$'
        $output | Should -Match '(?m)^replicaset\.apps/vweb-[a-z0-9]+\s+0\s+0\s+0\s+\S+$'
        $output | Should -Match '(?m)^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$'
        ([regex]::Matches($output, '(?m)^pod/vweb-[a-z0-9]+-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\S+$')).Count | Should -Be 3
    }

    It 'shows history, one revision, and status with a timeout' {
        Assert-Ok (Kubectl rollout history deploy/vweb) | Should -Be "deployment.apps/vweb `nREVISION  CHANGE-CAUSE`n1         <none>`n2         <none>`n"
        $revision = Assert-Ok (Kubectl rollout history deploy/vweb --revision=2)
        $revision | Should -Match '^deployment\.apps/vweb with revision #2'
        $revision | Should -Match 'Image:\s+nginx:1\.27-alpine'
        (Kubectl rollout history deploy/vweb --revision=7).Error | Should -Match 'unable to find the specified revision'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=2s) | Should -Be 'deployment "vweb" successfully rolled out'
    }

    It 'undoes with dry runs that change nothing, to the previous revision and to a given one' {
        Assert-Ok (Kubectl rollout undo deploy/vweb --dry-run=client) | Should -Match 'nginx:1\.26-alpine'
        Assert-Ok (Kubectl rollout undo deploy/vweb --dry-run=server) | Should -Be 'deployment.apps/vweb rolled back (server dry run)'
        (Get-KubeRolloutHistory vweb -Namespace $ns -KubeConfig $cluster.KubeConfig).Revision | Should -Be @(1, 2)

        Assert-Ok (Kubectl rollout undo deploy/vweb) | Should -Be 'deployment.apps/vweb rolled back'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Out-Null
        Assert-Ok (Kubectl rollout history deploy/vweb) | Should -Match '(?m)^2\s+<none>\s*\n3\s+<none>$'
        Assert-Ok (Kubectl rollout undo deploy/vweb --to-revision=2) | Should -Be 'deployment.apps/vweb rolled back'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Out-Null
        Assert-Ok (Kubectl rollout history deploy/vweb) | Should -Match '(?m)^3\s+<none>\s*\n4\s+<none>$'
    }

    It 'pauses, resumes and restarts' {
        Assert-Ok (Kubectl rollout pause deploy/vweb) | Should -Be 'deployment.apps/vweb paused'
        (Kubectl rollout pause deploy/vweb).Error | Should -Match 'deployments.apps "vweb" is already paused'
        Assert-Ok (Kubectl rollout resume deploy/vweb) | Should -Be 'deployment.apps/vweb resumed'
        Assert-Ok (Kubectl rollout restart deploy/vweb) | Should -Be 'deployment.apps/vweb restarted'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Should -Match 'successfully rolled out$'
    }

    It 'scales, sets the image and annotates' {
        Assert-Ok (Kubectl scale deploy/vweb --replicas=4) | Should -Be 'deployment.apps/vweb scaled'
        Assert-Ok (Kubectl set image deploy/vweb web=nginx:1.28-alpine) | Should -Be 'deployment.apps/vweb image updated'
        Assert-Ok (Kubectl annotate deploy/vweb kubernetes.io/change-cause=v3 --overwrite) | Should -Be 'deployment.apps/vweb annotated'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Should -Match 'successfully rolled out$'

        Assert-Ok (Kubectl get deploy vweb -o jsonpath='{.status.availableReplicas}') | Should -Be '4'
        Assert-Ok (Kubectl rollout history deploy/vweb) | Should -Match '(?m)^6\s+v3$'
    }

    It 'deletes the Deployment and the garbage collector removes its replica sets and pods' {
        Assert-Ok (Kubectl delete deploy vweb) | Should -Be "deployment.apps `"vweb`" deleted from $ns namespace"

        Wait-Until -Because 'replica sets and pods to be collected' {
            (Kubectl get 'rs,pods' -o name).Output.Trim() -eq ''
        }
    }
}
