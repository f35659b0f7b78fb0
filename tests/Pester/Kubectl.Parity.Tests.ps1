# The same rollout scenario through kubectl 1.35 (one namespace) and through the cmdlets (another namespace) on
# the same cluster: revisions, change causes, templates and messages must be the same.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $vweb = Get-ExamplePath 'vweb'
    $cluster = New-TestCluster -TimeScale 20
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }
    $viaKubectl = New-TestNamespace -Cluster $cluster -Prefix kubectl
    $viaCmdlets = New-TestNamespace -Cluster $cluster -Prefix cmdlets

    function Kubectl { Invoke-Kubectl -Cluster $cluster -n $viaKubectl @args }
    function Assert-Ok($Result) { $Result.ExitCode | Should -Be 0 -Because $Result.Error; $Result }

    # kubectl's history table of a namespace, as (revision, cause) pairs.
    function Get-KubectlHistory([string] $Namespace) {
        $lines = (Invoke-Kubectl -Cluster $cluster -n $Namespace rollout history deploy/vweb).Output -split "`n" | Select-Object -Skip 2 | Where-Object { $_.Trim() }
        $lines | ForEach-Object { $revision, $cause = $_ -split '\s{2,}', 2; "$revision=$($cause.Trim())" }
    }

    function Get-Templates([string] $Namespace) {
        Get-KubeRolloutHistory vweb -Namespace $Namespace | ForEach-Object {
            $template = $_.PodTemplate
            $template.Metadata.Labels.Remove('pod-template-hash') | Out-Null
            "$($_.Revision)=$($template.Metadata.Labels['version'])|$($template.Spec.Containers.Image -join ',')"
        }
    }

    function Step([string] $File, [string] $Cause) {
        Assert-Ok (Kubectl apply -f $File) | Out-Null
        if ($Cause) { Assert-Ok (Kubectl annotate deploy vweb "kubernetes.io/change-cause=$Cause" --overwrite) | Out-Null }
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Out-Null
        $parameters = @{ Path = $File; Namespace = $viaCmdlets; Wait = $true; Timeout = '60s' }
        if ($Cause) { $parameters.ChangeCause = $Cause }
        Invoke-KubeRollout @parameters | Out-Null
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'kubectl and the cmdlets give the same rollouts' {
    It 'after 1.0, 1.1 (the manifest''s cause) and 2.0 (a cause given) the revisions, causes and templates are the same' {
        Step (Join-Path $vweb 'vweb-v1.0.yaml') $null
        Step (Join-Path $vweb 'update/vweb-v1.1.yaml') $null
        Step (Join-Path $vweb 'update/vweb-v2.0.yaml') 'v2'

        $kubectlView = Get-KubectlHistory $viaKubectl
        $kubectlView | Should -Be @('1=<none>', '2=vweb 1.1: version label v1.1', '3=v2')
        Get-KubectlHistory $viaCmdlets | Should -Be $kubectlView
        Get-Templates $viaCmdlets | Should -Be (Get-Templates $viaKubectl)
        (Get-KubeRolloutHistory vweb -Namespace $viaKubectl | ForEach-Object { "$($_.Revision)=$(if ($_.ChangeCause) { $_.ChangeCause } else { '<none>' })" }) | Should -Be $kubectlView
    }

    It 'status messages are kubectl''s' {
        $kubectlMessage = (Assert-Ok (Kubectl rollout status deploy/vweb --watch=false)).Output.Trim()

        $kubectlMessage | Should -Be 'deployment "vweb" successfully rolled out'
        (Get-KubeRolloutStatus vweb -Namespace $viaKubectl).Message | Should -Be $kubectlMessage
        (Get-KubeRolloutStatus vweb -Namespace $viaCmdlets).Message | Should -Be $kubectlMessage
    }

    It 'undo to revision 2 and then to the previous revision number and restore alike' {
        (Assert-Ok (Kubectl rollout undo deploy/vweb --to-revision=2)).Output.Trim() | Should -Be 'deployment.apps/vweb rolled back'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Out-Null
        (Undo-KubeRollout vweb -ToRevision 2 -Namespace $viaCmdlets).Message | Should -Be 'rolled back'
        Wait-KubeRollout vweb -Namespace $viaCmdlets -Timeout 60s | Out-Null

        Assert-Ok (Kubectl rollout undo deploy/vweb) | Out-Null
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Out-Null
        Undo-KubeRollout vweb -Namespace $viaCmdlets | Out-Null
        Wait-KubeRollout vweb -Namespace $viaCmdlets -Timeout 60s | Out-Null

        $kubectlView = Get-KubectlHistory $viaKubectl
        $kubectlView | Should -Be @('1=<none>', '4=vweb 1.1: version label v1.1', '5=v2')
        Get-KubectlHistory $viaCmdlets | Should -Be $kubectlView
        Get-Templates $viaCmdlets | Should -Be (Get-Templates $viaKubectl)
    }

    It 'refusals carry kubectl''s messages' {
        $kubectlError = (Kubectl rollout undo deploy/vweb --to-revision=9).Error.Trim()
        Undo-KubeRollout vweb -ToRevision 9 -Namespace $viaCmdlets -ErrorVariable problems -ErrorAction SilentlyContinue

        $kubectlError | Should -Be 'error: unable to find specified revision 9 in history'
        "error: $($problems[0].Exception.Message)" | Should -Be $kubectlError

        Assert-Ok (Kubectl rollout pause deploy/vweb) | Out-Null
        Suspend-KubeRollout vweb -Namespace $viaCmdlets | Out-Null
        $kubectlPaused = (Kubectl rollout undo deploy/vweb).Error.Trim()
        Undo-KubeRollout vweb -Namespace $viaCmdlets -ErrorVariable paused -ErrorAction SilentlyContinue
        "error: $($paused[0].Exception.Message)" | Should -Be $kubectlPaused
        $kubectlAgain = (Kubectl rollout pause deploy/vweb).Error.Trim()
        Suspend-KubeRollout vweb -Namespace $viaCmdlets -ErrorVariable again -ErrorAction SilentlyContinue
        "error: $($again[0].Exception.Message)" | Should -Be $kubectlAgain
        Assert-Ok (Kubectl rollout resume deploy/vweb) | Out-Null
        Resume-KubeRollout vweb -Namespace $viaCmdlets | Out-Null
    }

    It 'a restart through either rolls out one more revision with a restartedAt stamp' {
        (Assert-Ok (Kubectl rollout restart deploy/vweb)).Output.Trim() | Should -Be 'deployment.apps/vweb restarted'
        Assert-Ok (Kubectl rollout status deploy/vweb --timeout=60s) | Out-Null
        (Restart-KubeRollout vweb -Namespace $viaCmdlets).Message | Should -Be 'deployment.apps/vweb restarted'
        Wait-KubeRollout vweb -Namespace $viaCmdlets -Timeout 60s | Out-Null

        $kubectlView = Get-KubectlHistory $viaKubectl
        Get-KubectlHistory $viaCmdlets | Should -Be $kubectlView
        foreach ($namespace in $viaKubectl, $viaCmdlets) {
            (Get-KubeRolloutHistory vweb -Namespace $namespace | Where-Object IsCurrent).PodTemplate.Metadata.Annotations['kubectl.kubernetes.io/restartedAt'] | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'The kinds an application carries beside its workloads' {
    It 'applies Ingress, NetworkPolicy, PodDisruptionBudget, HorizontalPodAutoscaler, RBAC and an IngressClass as kubectl does' {
        $class = "parity-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $folder = Join-Path ([IO.Path]::GetTempPath()) "parity-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content (Join-Path $folder 'access.yaml') @"
apiVersion: v1
kind: ServiceAccount
metadata: {name: vweb}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: vweb-reader}
rules: [{apiGroups: [""], resources: [configmaps], verbs: [get, watch]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: vweb-reader}
subjects: [{kind: ServiceAccount, name: vweb}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: vweb-reader}
"@
        Set-Content (Join-Path $folder 'traffic.yaml') @"
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: $class}
spec: {controller: example.com/ingress}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: vweb}
spec:
  ingressClassName: $class
  rules: [{host: vweb.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: vweb, port: {number: 80}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: vweb}
spec: {podSelector: {matchLabels: {app: vweb}}, policyTypes: [Ingress]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: vweb}
spec: {minAvailable: 1, selector: {matchLabels: {app: vweb}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vweb}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vweb}, minReplicas: 2, maxReplicas: 6}
"@
        try {
            $applied = Invoke-KubeRollout $folder -Namespace $viaCmdlets
            $again = Invoke-KubeRollout $folder -Namespace $viaCmdlets
            $kubectl = Assert-Ok (Invoke-Kubectl -Cluster $cluster -n $viaCmdlets apply -f $folder)

            ($applied | ForEach-Object { "$($_.Kind)=$($_.Action)" }) | Sort-Object | Should -Be @(
                'HorizontalPodAutoscaler=Created', 'Ingress=Created', 'IngressClass=Created', 'NetworkPolicy=Created',
                'PodDisruptionBudget=Created', 'Role=Created', 'RoleBinding=Created', 'ServiceAccount=Created')
            ($applied | Where-Object Kind -eq IngressClass).Namespace | Should -BeNullOrEmpty -Because 'an IngressClass belongs to no namespace'
            $again.Action | Sort-Object -Unique | Should -Be 'Unchanged'
            $kubectl.Output -split "`n" | Where-Object { $_ -notmatch ' unchanged$' } | Should -BeNullOrEmpty
            (Invoke-Kubectl -Cluster $cluster -n $viaCmdlets get hpa vweb -o 'jsonpath={.spec.metrics[0].resource.target.averageUtilization}').Output | Should -Be '80' -Because 'the server defaults the metric'
        }
        finally {
            Remove-Item $folder -Recurse -Force
            Invoke-Kubectl -Cluster $cluster delete ingressclass $class | Out-Null
        }
    }
}
