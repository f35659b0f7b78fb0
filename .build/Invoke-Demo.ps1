# The demo of build.ps1: the seed's rollout scenario, run with the module's cmdlets on the embedded sandbox.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SharedPath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$vweb = Join-Path $SharedPath 'fixtures/kiamol-ch09/vweb'
if (-not (Test-Path $vweb)) { throw "The demo's manifests are not at $vweb (set KUBEROLLOUT_SHARED to the shared folder)." }

Write-Host "`n== The manifests of the seed's scenario, read and validated (no cluster needed)"
Get-KubeManifest -Path $vweb -Recurse | Format-Table -AutoSize | Out-Host

Write-Host 'sandbox not built yet: the rollout part of the demo arrives with the sandbox cluster.'
