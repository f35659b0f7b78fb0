# Testing a runbook (Publish-Release.ps1) with Pester on a sandbox cluster: BeforeAll starts the sandbox and points
# the module and kubectl at it through $env:KUBECONFIG, AfterAll stops it. Copy this file next to your own runbooks.
# Needs the KubeRollout module (Install-PSResource KubeRollout), Pester 5, and kubectl on PATH for the kubectl checks.
BeforeAll {
    Import-Module KubeRollout
    # A sandbox of its own for this file; pods whose image is *:broken crash in a loop, as a bad release would, and
    # time runs 50 times faster (the default progress deadline of 10 minutes passes in 12 seconds).
    $sandbox = Start-KubeSandbox -TimeScale 50 -FailingImage '*:broken'
    $previousKubeConfig = $env:KUBECONFIG
    $env:KUBECONFIG = $sandbox.KubeConfig          # every KubeRollout cmdlet and kubectl now use the sandbox

    $runbook = Join-Path $PSScriptRoot 'Publish-Release.ps1'
    $vweb = Join-Path $PSScriptRoot '../vweb'
}

AfterAll {
    $env:KUBECONFIG = $previousKubeConfig
    $sandbox | Stop-KubeSandbox -Remove
}

Describe 'Publish-Release' {
    It 'releases vweb 1.0 and reports it rolled out' {
        $status = & $runbook -Path (Join-Path $vweb 'vweb-v1.0.yaml') -ChangeCause 'vweb 1.0'

        $status.Name | Should -Be 'vweb'
        $status.State | Should -Be 'Complete'
        $status.Message | Should -Be 'deployment "vweb" successfully rolled out'
    }

    It 'rolls a broken release back to the release before it' {
        $status = & $runbook -Path (Join-Path $vweb 'update/vweb-v2.1-broken.yaml') -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'RolloutRolledBack,*'
        $status.State | Should -Be 'Complete'
        (Get-KubeRolloutHistory vweb | Where-Object IsCurrent).ChangeCause | Should -Be 'vweb 1.0'
        (Get-KubeRolloutHistory vweb | Where-Object IsCurrent).Images | Should -Be @('nginx:1.26-alpine')
    }

    It 'leaves a history that kubectl reads the same way' {
        $kubectl = kubectl rollout history deployment/vweb
        $LASTEXITCODE | Should -Be 0

        $revisions = $kubectl | Where-Object { $_ -match '^\d' } | ForEach-Object { [long]($_ -split '\s+')[0] }
        $revisions | Should -Be (Get-KubeRolloutHistory vweb).Revision
    }
}
