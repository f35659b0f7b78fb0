# The demo of build.ps1: the seed's rollout scenario (examples/vweb), run with the module's cmdlets on the
# embedded sandbox cluster, printing what a user would see.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ExamplesPath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$vweb = Join-Path $ExamplesPath 'vweb'

function Show([string] $Title) { Write-Host "`n== $Title" -ForegroundColor Cyan }
function Out([object] $InputObject) { $InputObject | Format-Table | Out-String -Width 120 | Write-Host }

Show 'Start the sandbox cluster (3 simulated nodes, time runs 10x faster)'
$sandbox = Start-KubeSandbox -TimeScale 10
Out $sandbox
$PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $sandbox.KubeConfig }
try {
    Show 'Invoke-KubeRollout vweb-v1.0.yaml -Wait        (kubectl apply -f ... ; kubectl rollout status)'
    Out (Invoke-KubeRollout (Join-Path $vweb 'vweb-v1.0.yaml') -Wait -Timeout 60)

    Show 'Re-apply the same file: nothing changes, no new revision'
    Out (Invoke-KubeRollout (Join-Path $vweb 'vweb-v1.0.yaml'))

    Show 'Scale to three replicas: the template is unchanged, so there is no rollout'
    Out (Invoke-KubeRollout (Join-Path $vweb 'update/vweb-v1.0-scaled.yaml'))

    Show 'Roll out v1.1, whose manifest carries its change cause'
    Out (Invoke-KubeRollout (Join-Path $vweb 'update/vweb-v1.1.yaml') -Wait -Timeout 60)

    Show 'Get-KubeRolloutPlan vweb: how the next rollout will go, by the controller''s arithmetic'
    Out (Get-KubeRolloutPlan vweb | Select-Object Step, Action, OldPods, NewPods, AvailablePods, Chart)

    Show 'The observed rollout of v2, recording the command line (--record): the controller''s steps as kubectl reports them'
    Out (Invoke-KubeRollout -Path (Join-Path $vweb 'update/vweb-v2.0.yaml') -Record)
    Wait-KubeRollout vweb -Timeout 60 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'deployment.apps/*' } |
        ForEach-Object { Write-Host "  $($_.Message)" }

    Show 'Wait-KubeRollout vweb -Timeout 2s        (kubectl rollout status --timeout=2s)'
    $status = Wait-KubeRollout vweb -Timeout 2s -ErrorAction SilentlyContinue -ErrorVariable problems
    if ($problems) { Write-Host "  error: $($problems[0].Exception.Message)" -ForegroundColor Yellow }
    Out (Wait-KubeRollout vweb -Timeout 60)

    Show 'Get-KubeRolloutHistory vweb        (kubectl rollout history deploy/vweb)'
    Out (Get-KubeRolloutHistory vweb)

    Show 'Undo-KubeRollout vweb -WhatIf        (kubectl rollout undo --dry-run)'
    Undo-KubeRollout vweb -WhatIf

    Show 'Undo-KubeRollout vweb (revision 2 comes back as 4), then Undo-KubeRollout vweb -ToRevision 1'
    Out (Undo-KubeRollout vweb)
    Wait-KubeRollout vweb -Timeout 60 | Out-Null
    Out (Undo-KubeRollout vweb -ToRevision 1)
    Out (Wait-KubeRollout vweb -Timeout 60)

    Show 'History after the undos: restored revisions take the next numbers'
    Out (Get-KubeRolloutHistory vweb)

    Show 'Get-KubeRolloutStatus vweb'
    Out (Get-KubeRolloutStatus vweb)
}
finally {
    Show 'Stop the sandbox'
    $sandbox | Stop-KubeSandbox -Remove
}
