# Measures the module against kubectl in one run on one sandbox process, both called from PowerShell as a runbook
# calls them (the cluster from $env:KUBECONFIG), and prints a Markdown table: the median and spread of repeated runs,
# the module's time as a multiple of kubectl's, and the API calls each side makes per operation, counted by the
# sandbox itself on /metrics.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $KubectlPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
# Progress bars are drawn only in an interactive console, not in the runbooks compared here.
$ProgressPreference = 'SilentlyContinue'
Import-Module (Join-Path $PSScriptRoot 'RepeatedTiming.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'Kubectl.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'ComparisonScenarios.psm1') -Force
Import-Module (Join-Path $PSScriptRoot '../../Pester/ApiRequests.psm1') -Force
Import-Module $ModulePath -Force
Set-KubectlPath $KubectlPath

# A new PowerShell as the one running this script: dotnet with pwsh.dll when PowerShell is a .NET tool.
$pwsh = @([Environment]::ProcessPath)
if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }
function Invoke-NewPwsh([string] $Command) {
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Command
    if ($LASTEXITCODE -ne 0) { throw "pwsh -Command '$Command' failed (exit code $LASTEXITCODE)." }
}

function Measure-Calls([scriptblock] $Command) {
    Measure-ApiRequest -KubeConfig $env:KUBECONFIG -Kubectl $KubectlPath -ScriptBlock $Command
}

# One row: both sides timed taking turns, then each run once more with its API calls counted ($CountBefore, when
# given, prepares those runs instead of $Before).
function Compare-Operation {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [scriptblock] $Module,
        [Parameter(Mandatory)] [scriptblock] $Kubectl,
        [scriptblock] $Before,
        [scriptblock] $CountBefore = $Before,
        [int] $Repeat = 9,
        [int] $WarmUp = 2
    )
    Write-Host "   $Name"
    $moduleTiming, $kubectlTiming = Measure-Interleaved -ScriptBlock $Module, $Kubectl -Repeat $Repeat -WarmUp $WarmUp -Before $Before
    if ($CountBefore) { $null = & $CountBefore }
    $moduleCalls = Measure-Calls $Module
    if ($CountBefore) { $null = & $CountBefore }
    $kubectlCalls = Measure-Calls $Kubectl
    [pscustomobject]@{ Name = $Name; Module = $moduleTiming; Kubectl = $kubectlTiming; ModuleCalls = $moduleCalls; KubectlCalls = $kubectlCalls }
}

function Format-Calls($Measured) {
    $watches = ($Measured.Calls | Where-Object Verb -eq 'WATCH' | ForEach-Object Count | Measure-Object -Sum).Sum
    if (-not $watches) { return "$($Measured.Total)" }
    "$($Measured.Total) ($watches $(if ($watches -eq 1) { 'watch' } else { 'watches' }))"
}

function Format-CallList($Measured) {
    ($Measured.Calls | ForEach-Object { "$($_.Verb) $($_.Resource) ×$($_.Count)" }) -join ', '
}

$work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kuberollout-compare-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
$savedKubeConfig = $env:KUBECONFIG
$savedCacheDir = $env:KUBECACHEDIR
# kubectl's discovery cache: warm after the first call, as a runbook's is.
$env:KUBECACHEDIR = Join-Path $work 'kubectl-cache'
$sandbox = $null
try {
    $sandbox = Start-KubeSandbox (Join-Path $work 'sandbox') -TimeScale 100 -Nodes 10
    $env:KUBECONFIG = $sandbox.KubeConfig
    $clock = [Diagnostics.Stopwatch]::StartNew()
    Write-Host '== kubectl comparison (the same sandbox process for both)'
    Write-Host '   setting up: a Deployment with 50 revisions among 2,000 ReplicaSets, 100 Deployments'
    New-HistoryScenario -Namespace history -Name shop -WorkFolder $work -Revisions 50 -ReplicaSets 2000
    New-FleetScenario -Namespace fleet -Prefix fleet -WorkFolder $work -Count 100 -Replicas 2
    $null = Wait-KubeRollout -Name shop -Namespace history -Timeout 300s
    $null = Wait-KubeRollout -Name 'fleet-*' -Namespace fleet -Timeout 300s
    foreach ($namespace in 'apply-module', 'apply-kubectl') { New-BenchNamespace $namespace }
    Write-Host "   set up in $(Format-Milliseconds $clock.Elapsed.TotalMilliseconds)"

    $rows = @(
        Compare-Operation -Name 'history of a Deployment with 50 revisions among 2,000 ReplicaSets (`rollout history`)' `
            -Module { $history = Get-KubeRolloutHistory shop -Namespace history; if (@($history).Count -ne 50) { throw "$(@($history).Count) revisions" } } `
            -Kubectl { Invoke-Kubectl rollout history deployment/shop -n history }
        Compare-Operation -Name 'history of one revision (`rollout history --revision 25`)' `
            -Module { Get-KubeRolloutHistory shop -Namespace history -Revision 25 } `
            -Kubectl { Invoke-Kubectl rollout history deployment/shop -n history --revision 25 }
        Compare-Operation -Name 'status of a Deployment (`rollout status --watch=false`)' `
            -Module { Get-KubeRolloutStatus fleet-1 -Namespace fleet } `
            -Kubectl { Invoke-Kubectl rollout status deployment/fleet-1 -n fleet --watch=false }
        $fleetVersion = 0
        Compare-Operation -Name 'wait for 100 Deployments rolling at once (`Wait-KubeRollout` vs `rollout status` ×100 in parallel)' `
            -Before { $script:fleetVersion++; Start-FleetRollout -Version $script:fleetVersion } `
            -CountBefore { $script:fleetVersion++; Start-SlowFleetRollout -Version $script:fleetVersion } `
            -Module { $null = Wait-KubeRollout -Name 'fleet-*' -Namespace fleet -Timeout 300s } `
            -Kubectl { Invoke-KubectlParallel @(for ($index = 1; $index -le 100; $index++) { , @('rollout', 'status', "deployment/fleet-$index", '-n', 'fleet', '--timeout=300s') }) } `
            -Repeat 3 -WarmUp 1
        $applyVersion = 0
        $folder = Join-Path $work 'release'
        Compare-Operation -Name 'apply of a folder of 50 manifests (`Invoke-KubeRollout` vs `apply -f`)' `
            -Before { $script:applyVersion++; Write-ApplyFolder -Path $folder -Version $script:applyVersion } `
            -Module { $null = Invoke-KubeRollout $folder -Namespace apply-module -WarningAction SilentlyContinue } `
            -Kubectl { Invoke-Kubectl apply -f $folder -n apply-kubectl } `
            -Repeat 5 -WarmUp 1
    )

    Write-Host '   Import-Module and the first cluster call (new PowerShell processes)'
    $import = "Import-Module '$ModulePath'"
    $firstCall = "$import; `$null = Get-KubeRolloutStatus fleet-1 -Namespace fleet -ErrorAction Stop"
    $bare, $imported, $called, $kubectlCall = Measure-Interleaved -Repeat 5 -WarmUp 1 -ScriptBlock @(
        { Invoke-NewPwsh 'exit 0' }
        { Invoke-NewPwsh $import }
        { Invoke-NewPwsh $firstCall }
        { Invoke-Kubectl rollout status deployment/fleet-1 -n fleet --watch=false }
    )
    $importOnly = Get-TimingDifference $imported $bare
    $firstCallTiming = Get-TimingDifference $called $bare
    $importCalls = Measure-Calls { Invoke-NewPwsh $import }
    $firstCallCalls = Measure-Calls { Invoke-NewPwsh $firstCall }
    $kubectlFirstCalls = Measure-Calls { Invoke-Kubectl rollout status deployment/fleet-1 -n fleet --watch=false }

    Write-Host ''
    Write-Host "Measured $(Get-Date -AsUTC -Format 'yyyy-MM-dd HH:mm') UTC: median (fastest–slowest) of repeated runs, the two sides taking turns; ratio = KubeRollout / kubectl."
    Write-Host ''
    Write-Host '| operation | KubeRollout | kubectl 1.35 | ratio | API calls (KubeRollout / kubectl) |'
    Write-Host '|---|---|---|---|---|'
    foreach ($row in $rows) {
        Write-Host "| $($row.Name) | $(Format-Timing $row.Module) | $(Format-Timing $row.Kubectl) | $(Format-Ratio $row.Module $row.Kubectl) | $(Format-Calls $row.ModuleCalls) / $(Format-Calls $row.KubectlCalls) |"
    }
    Write-Host "| Import-Module, added to a pwsh start of $(Format-Milliseconds $bare.Median) | $(Format-Timing $importOnly) | — | — | $(Format-Calls $importCalls) / — |"
    Write-Host "| Import-Module and the first call (``Get-KubeRolloutStatus`` in a new pwsh, its start subtracted) vs one ``rollout status --watch=false`` | $(Format-Timing $firstCallTiming) | $(Format-Timing $kubectlCall) | $(Format-Ratio $firstCallTiming $kubectlCall) | $(Format-Calls $firstCallCalls) / $(Format-Calls $kubectlFirstCalls) |"
    Write-Host ''
    Write-Host 'API calls per operation (apiserver_request_total and the watches among them):'
    foreach ($row in $rows) {
        Write-Host "- $($row.Name): KubeRollout $(Format-CallList $row.ModuleCalls); kubectl $(Format-CallList $row.KubectlCalls)"
    }
    Write-Host "- first call in a new pwsh: KubeRollout $(Format-CallList $firstCallCalls); kubectl $(Format-CallList $kubectlFirstCalls)"

    $watchesPerKind = ($rows[3].ModuleCalls.Calls | Where-Object Verb -eq 'WATCH' | ForEach-Object Count | Measure-Object -Maximum).Maximum
    $goals = @(
        @{ Goal = 'history in at most 3 API calls'; Measured = "$($rows[0].ModuleCalls.Total), one revision $($rows[1].ModuleCalls.Total)"; Met = $rows[0].ModuleCalls.Total -le 3 -and $rows[1].ModuleCalls.Total -le 3 }
        @{ Goal = 'status in at most 3 API calls'; Measured = $rows[2].ModuleCalls.Total; Met = $rows[2].ModuleCalls.Total -le 3 }
        @{ Goal = 'a wait for 100 rollouts with at most 1 watch per namespace and kind'; Measured = [int]$watchesPerKind; Met = [int]$watchesPerKind -le 1 }
    )
    Write-Host ''
    foreach ($goal in $goals) { Write-Host "goal: $($goal.Goal): $(if ($goal.Met) { 'met' } else { 'MISSED' }) (measured: $($goal.Measured))" }
    Write-Host "kubectl comparison: $(Format-Milliseconds $clock.Elapsed.TotalMilliseconds) in all"
    if ($goals.Met -contains $false) { throw 'An API-call goal is missed.' }
}
finally {
    $env:KUBECONFIG = $savedKubeConfig
    $env:KUBECACHEDIR = $savedCacheDir
    if ($sandbox) { $sandbox | Stop-KubeSandbox -Remove }
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
