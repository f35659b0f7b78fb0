# Runs the benchmarks and prints their figures (see README.md, "Benchmarks").
param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
Write-Host 'No benchmarks yet: the sandbox benchmarks arrive with the sandbox cluster.'
