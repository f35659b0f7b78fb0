# Runs the benchmarks and prints their figures as Markdown tables (copy them into README.md, "Benchmarks"): the
# sandbox's own figures, then the module against kubectl on one sandbox.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Configuration,
    [Parameter(Mandatory)] [string] $KubectlPath
)
$ErrorActionPreference = 'Stop'
$benchmarks = Join-Path $PSScriptRoot "../tests/KubeRollout.Benchmarks/bin/$Configuration/net10.0/KubeRollout.Benchmarks.dll"
$sandbox = Join-Path $ModulePath 'sandbox/kuberollout-sandbox.dll'
& dotnet $benchmarks $sandbox
if ($LASTEXITCODE -ne 0) { throw "The benchmarks failed (exit code $LASTEXITCODE)." }
& (Join-Path $PSScriptRoot '../tests/KubeRollout.Benchmarks/KubectlComparison/Compare-WithKubectl.ps1') -ModulePath $ModulePath -KubectlPath $KubectlPath
