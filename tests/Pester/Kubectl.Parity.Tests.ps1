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
