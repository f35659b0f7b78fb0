# Runs the Pester suite in its own process and writes the pass/fail counts as JSON for build.ps1.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $TestsPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # The example tests of the docs (examples/pester), run as users run them: Import-Module KubeRollout, kubectl on PATH.
    [string] $ExampleTestsPath,
    [string] $KubectlPath,
    [string] $Filter
)
$ErrorActionPreference = 'Stop'

$pester = Join-Path $env:KUBEROLLOUT_PACKAGES 'pester/5.7.1/tools/Pester.psd1'
if (-not (Test-Path $pester)) { throw "Pester 5.7.1 is not restored at $pester (build.ps1 test restores it)." }
Import-Module $pester -RequiredVersion 5.7.1

$env:KUBEROLLOUT_MODULE = $ModulePath
$env:PSModulePath = (Split-Path $ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath
if ($KubectlPath) { $env:PATH = (Split-Path $KubectlPath) + [IO.Path]::PathSeparator + $env:PATH }
$files = @($TestsPath; $ExampleTestsPath) | Where-Object { $_ } |
    ForEach-Object { Get-ChildItem $_ -Filter '*.Tests.ps1' -Recurse } |
    Where-Object { -not $Filter -or $_.FullName -match $Filter }

$configuration = New-PesterConfiguration
$configuration.Run.Path = @($files.FullName)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = if ($env:KUBEROLLOUT_PESTER_VERBOSITY) { $env:KUBEROLLOUT_PESTER_VERBOSITY } else { 'Normal' }
$result = Invoke-Pester -Configuration $configuration

New-Item -ItemType Directory -Path (Split-Path $ResultPath) -Force | Out-Null
[pscustomobject]@{
    Passed = $result.PassedCount
    # A container that fails to run (syntax error, failing BeforeAll) fails its tests without counting them.
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    # Named again under the summary, where a CI log's tail shows them.
    FailedNames = @(@($result.Failed | ForEach-Object ExpandedPath) + @($result.FailedBlocks | ForEach-Object ExpandedPath) +
        @($result.FailedContainers | ForEach-Object { "$($_.Item)" }))
} | ConvertTo-Json | Set-Content $ResultPath
exit 0
