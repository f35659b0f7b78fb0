# Runs the benchmarks and prints their figures as a Markdown table (copy it into README.md, "Benchmarks").
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Configuration
)
$ErrorActionPreference = 'Stop'
$benchmarks = Join-Path $PSScriptRoot "../tests/KubeRollout.Benchmarks/bin/$Configuration/net10.0/KubeRollout.Benchmarks.dll"
$sandbox = Join-Path $ModulePath 'sandbox/kuberollout-sandbox.dll'
& dotnet $benchmarks $sandbox
if ($LASTEXITCODE -ne 0) { throw "The benchmarks failed (exit code $LASTEXITCODE)." }
