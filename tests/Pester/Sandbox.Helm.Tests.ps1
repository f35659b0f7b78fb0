# Helm 4 against the sandbox: the chart `helm create` makes, unmodified, through a release's whole life.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # Pods of the image tag "broken" crash in the sandbox (and cannot be pulled on a real cluster).
    $cluster = New-TestCluster -TimeScale 20 -FailingImage '*:broken'
    $ns = New-TestNamespace -Cluster $cluster -Prefix helm
    $work = Join-Path ([IO.Path]::GetTempPath()) "kr-helm-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $work | Out-Null
    $chart = Join-Path $work 'web'
    # Simple functions (no param block): helm's and kubectl's -o must not be taken for common parameters.
    function Helm { Invoke-Helm -Cluster $cluster -HelmHome $work @args }
    function Kubectl { Invoke-Kubectl -Cluster $cluster -n $ns @args }
    function Assert-Ok($Result) { $Result.ExitCode | Should -Be 0 -Because $Result.Error; $Result.Output }
    function Get-Revisions { Assert-Ok (Helm history web -n $ns -o json) | ConvertFrom-Json }
    function Get-Image { Assert-Ok (Kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}') }
    function Get-Managers {
        $deployment = Assert-Ok (Kubectl get deploy web -o json --show-managed-fields) | ConvertFrom-Json
        $deployment.metadata.managedFields | ForEach-Object { "$($_.manager)/$($_.operation)" }
    }
    Push-Location $work
    try { Assert-Ok (Helm create web) | Should -Match 'Creating web' }
    finally { Pop-Location }
}

AfterAll {
    Remove-TestCluster $cluster
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Helm 4 against the sandbox' {
    It 'installs the chart, its service account included, server-side' {
        Assert-Ok (Helm install web $chart -n $ns --wait --timeout 60s) | Should -Match 'STATUS: deployed'

        $revision = Get-Revisions
        $revision.revision | Should -Be @(1)
        $revision.status | Should -Be @('deployed')
        $revision.description | Should -Be @('Install complete')
        Assert-Ok (Kubectl get 'serviceaccount,service,deployment' web -o name) |
            Should -Be "serviceaccount/web`nservice/web`ndeployment.apps/web"
        Assert-Ok (Kubectl get deploy web -o jsonpath='{.status.readyReplicas}') | Should -Be '1'
        Get-Managers | Should -Contain 'helm/Apply'
    }

    It 'upgrades server-side' {
        Assert-Ok (Helm upgrade web $chart -n $ns --set replicaCount=2 --wait --timeout 60s) | Should -Match 'has been upgraded'

        (Get-Revisions).status | Should -Be @('superseded', 'deployed')
        Assert-Ok (Kubectl get deploy web -o jsonpath='{.spec.replicas} {.status.readyReplicas}') | Should -Be '2 2'
    }

    It 'upgrades client-side, which leaves the fields to an Update manager' {
        Assert-Ok (Helm upgrade web $chart -n $ns --server-side=false --set replicaCount=2 --set image.tag=1.27 --wait --timeout 60s) |
            Should -Match 'has been upgraded'

        (Get-Revisions).status | Should -Be @('superseded', 'superseded', 'deployed')
        Get-Image | Should -Be 'nginx:1.27'
        Get-Managers | Should -Contain 'helm/Update'
    }

    It 'rolls back server-side after the client-side upgrade without a conflict' {
        Assert-Ok (Helm rollback web 2 -n $ns --wait --timeout 60s) | Should -Match 'Rollback was a success'

        $revisions = Get-Revisions
        $revisions[-1].revision | Should -Be 4
        $revisions[-1].status | Should -Be 'deployed'
        $revisions[-1].description | Should -Be 'Rollback to 2'
        Get-Image | Should -Be 'nginx:1.16.0'
        Get-Managers | Should -Not -Contain 'helm/Update'
    }

    It 'rolls a failed upgrade back with --rollback-on-failure' {
        $result = Helm upgrade web $chart -n $ns --set replicaCount=2 --set image.tag=broken --rollback-on-failure --timeout 15s

        $result.ExitCode | Should -Not -Be 0
        $result.Error | Should -Match 'UPGRADE FAILED: release web failed, and has been rolled back due to rollback-on-failure being set'
        $revisions = Get-Revisions
        ($revisions | Select-Object -Last 2).status | Should -Be @('failed', 'deployed')
        $revisions[-1].description | Should -Be 'Rollback to 4'
        Get-Image | Should -Be 'nginx:1.16.0'
        Wait-Until -Because 'the rolled-back deployment is available again' {
            (Kubectl get deploy web -o jsonpath='{.status.updatedReplicas}/{.status.readyReplicas}/{.status.replicas}').Output -eq '2/2/2'
        }
    }

    It 'runs the chart test pod to completion' {
        Assert-Ok (Helm test web -n $ns --timeout 60s) | Should -Match '(?m)^Phase:\s+Succeeded$'

        Assert-Ok (Kubectl get pod web-test-connection -o jsonpath='{.status.phase} {.status.containerStatuses[0].state.terminated.exitCode}') |
            Should -Be 'Succeeded 0'
    }

    It 'reports a kind the sandbox does not serve as no matches, as against a cluster without it' {
        $unserved = Join-Path $work 'unserved'
        Push-Location $work
        try { Assert-Ok (Helm create unserved) | Out-Null }
        finally { Pop-Location }
        Remove-Item (Join-Path $unserved 'templates/*') -Recurse -Force
        Set-Content (Join-Path $unserved 'templates/quota.yaml') "apiVersion: v1`nkind: ResourceQuota`nmetadata:`n  name: quota`nspec:`n  hard:`n    pods: `"10`"`n"

        $result = Helm install unserved $unserved -n $ns

        $result.ExitCode | Should -Not -Be 0
        $result.Error | Should -Match 'no matches for kind "ResourceQuota" in version "v1"'
        $result.Error | Should -Not -Match 'openapi'
    }

    It 'uninstalls the release and its objects' {
        Assert-Ok (Helm uninstall web -n $ns --wait --timeout 60s) | Should -Be 'release "web" uninstalled'

        (Helm history web -n $ns).Error | Should -Match 'release: not found'
        Assert-Ok (Kubectl get 'serviceaccount,service,deployment,secret' -l 'app.kubernetes.io/instance=web' -o name) | Should -BeNullOrEmpty
        Assert-Ok (Kubectl get secret -l 'owner=helm,name=web' -o name) | Should -BeNullOrEmpty
    }
}
