# How many API calls the cmdlets make, counted by the API server itself (/metrics, apiserver_request_total): the
# history or the status of a workload takes at most 3 calls, and a wait for any number of rollouts opens at most one
# watch per namespace and kind. Counted on a sandbox of its own whatever KUBEROLLOUT_TEST_KUBECONFIG says: a shared
# API server counts every other client's calls too.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ApiRequests.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $sandbox = Start-KubeSandbox -TimeScale 50
    $cluster = [pscustomobject]@{ KubeConfig = $sandbox.KubeConfig; Sandbox = $sandbox; TimeScale = 50 }
    $kubectl = Get-KubectlPath
    $ns = New-TestNamespace -Cluster $cluster -Prefix calls
    $other = New-TestNamespace -Cluster $cluster -Prefix calls-other
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig; '*-Kube*:Namespace' = $ns }

    # With -NeverReady the new pods never become ready (the sandbox's per-pod behavior annotation), so that the
    # rollouts are still going on when a wait starts and for as long as it waits.
    function New-Workloads([string] $Image, [switch] $NeverReady) {
        $annotations = if ($NeverReady) { 'annotations: { sandbox.kuberollout.io/behavior: never-ready }, ' } else { '' }
        $deployments = foreach ($name in 'web-1', 'web-2', 'web-3') {
            @"
apiVersion: apps/v1
kind: Deployment
metadata: { name: $name }
spec:
  replicas: 2
  selector: { matchLabels: { app: $name } }
  template:
    metadata: { $($annotations)labels: { app: $name } }
    spec: { containers: [ { name: web, image: "$Image" } ] }
"@
        }
        $others = @"
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 1
  selector: { matchLabels: { app: db } }
  template:
    metadata: { $($annotations)labels: { app: db } }
    spec: { containers: [ { name: db, image: "$Image" } ] }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: proxy }
spec:
  selector: { matchLabels: { app: proxy } }
  template:
    metadata: { $($annotations)labels: { app: proxy } }
    spec: { containers: [ { name: proxy, image: "$Image" } ] }
"@
        New-ManifestFile (($deployments + $others) -join "`n---`n") -Name "workloads.yaml"
    }

    function Measure-Call([scriptblock] $Command) {
        Measure-ApiRequest -KubeConfig $cluster.KubeConfig -Kubectl $kubectl -ScriptBlock $Command
    }

    function Format-Call($Measured) { $Measured.Calls | ForEach-Object { "$($_.Verb) $($_.Resource) x$($_.Count)" } }

    foreach ($image in 'nginx:1.26-alpine', 'nginx:1.27-alpine') {
        Invoke-KubeRollout (New-Workloads $image) -Wait -Timeout 120s | Out-Null
        Invoke-KubeRollout (New-Workloads $image) -Namespace $other -Wait -Timeout 120s | Out-Null
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'API calls per operation' {
    It 'reads the history of a Deployment with one GET and one LIST' {
        $measured = Measure-Call { Get-KubeRolloutHistory web-1 }

        @($measured.Output).Revision | Should -Be @(1, 2)
        $measured.Total | Should -BeLessOrEqual 3
        Format-Call $measured | Should -Be @('GET deployments x1', 'LIST replicasets x1')
    }

    It 'reads one revision as kubectl rollout history --revision does, with the same calls' {
        $measured = Measure-Call { Get-KubeRolloutHistory web-1 -Revision 1 }

        $measured.Output.Revision | Should -Be 1
        Format-Call $measured | Should -Be @('GET deployments x1', 'LIST replicasets x1')
    }

    It 'reads the status of a Deployment with one GET' {
        $measured = Measure-Call { Get-KubeRolloutStatus web-1 }

        $measured.Output.State | Should -Be 'Complete'
        Format-Call $measured | Should -Be @('GET deployments x1')
    }

    It 'reads the history and the status of a <Kind> in at most 3 calls each' -ForEach @(
        @{ Kind = 'StatefulSet'; Name = 'db'; Revisions = 'controllerrevisions' }
        @{ Kind = 'DaemonSet'; Name = 'proxy'; Revisions = 'controllerrevisions' }
    ) {
        $history = Measure-Call { Get-KubeRolloutHistory $Name -Kind $Kind }
        $status = Measure-Call { Get-KubeRolloutStatus $Name -Kind $Kind }

        @($history.Output).Revision | Should -Be @(1, 2)
        $status.Output.State | Should -Be 'Complete'
        $history.Total | Should -BeLessOrEqual 3
        $status.Total | Should -BeLessOrEqual 3
        Format-Call $history | Should -Contain "LIST $Revisions x1"
    }

    It 'reads the new revisions of the workloads an apply changed with one list per kind, not one per workload' {
        # Two StatefulSets are listed together, with one of the namespace that the apply does not touch.
        $statefulSet = (Get-Content (New-Workloads 'nginx:1.26-alpine') -Raw) -split '---' | Where-Object { $_ -match 'kind: StatefulSet' }
        Invoke-KubeRollout (New-ManifestFile ($statefulSet -creplace 'name: db', 'name: bystander' -creplace 'app: db', 'app: bystander') -Name 'bystander.yaml') -Wait -Timeout 120s | Out-Null
        $second = New-ManifestFile ($statefulSet -creplace 'name: db', 'name: db-b' -creplace 'app: db', 'app: db-b') -Name 'db-b.yaml'

        $measured = Measure-Call { Invoke-KubeRollout (New-Workloads 'nginx:1.28-alpine'), $second }

        @($measured.Output | ForEach-Object { "$($_.Kind)/$($_.Name) $($_.Revision)" } | Sort-Object) |
            Should -Be @('DaemonSet/proxy 3', 'Deployment/web-1 3', 'Deployment/web-2 3', 'Deployment/web-3 3', 'StatefulSet/db 3', 'StatefulSet/db-b 1')
        $lists = @($measured.Calls | Where-Object { $_.Verb -eq 'LIST' -and $_.Resource -in 'deployments', 'statefulsets', 'daemonsets' })
        Format-Call @{ Calls = $lists } | Should -Be @('LIST daemonsets x1', 'LIST deployments x1', 'LIST statefulsets x1')
        @($measured.Calls | Where-Object Verb -eq 'WATCH' | Where-Object Count -gt 1) | Should -BeNullOrEmpty
    }

    It 'waits for rollouts of every kind in two namespaces with one watch per namespace and kind, for as long as it waits' {
        foreach ($namespace in $ns, $other) {
            Invoke-KubeRollout (New-Workloads 'nginx:1.28-alpine' -NeverReady) -Namespace $namespace | Out-Null
        }
        $workloads = foreach ($namespace in $ns, $other) {
            foreach ($name in 'web-1', 'web-2', 'web-3') { [pscustomobject]@{ Name = $name; Kind = 'Deployment'; Namespace = $namespace } }
            [pscustomobject]@{ Name = 'db'; Kind = 'StatefulSet'; Namespace = $namespace }
            [pscustomobject]@{ Name = 'proxy'; Kind = 'DaemonSet'; Namespace = $namespace }
        }

        # Piped objects' Namespace is used only without a '*-Kube*:Namespace' default.
        $PSDefaultParameterValues.Remove('*-Kube*:Namespace')
        # The errors come back as output (2>&1): an -ErrorVariable would be set in the scope Measure-ApiRequest runs it in.
        $measured = Measure-Call { $workloads | Wait-KubeRollout -Timeout 3s -ErrorAction Continue 2>&1 }

        $waitErrors = @($measured.Output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $waitErrors.Count | Should -Be 10
        $waitErrors.FullyQualifiedErrorId | Sort-Object -Unique | Should -BeLike 'RolloutTimeout*'
        $watches = @($measured.Calls | Where-Object Verb -eq 'WATCH')
        Format-Call @{ Calls = $watches } | Should -Be @('WATCH daemonsets x2', 'WATCH deployments x2', 'WATCH statefulsets x2')
    }
}
