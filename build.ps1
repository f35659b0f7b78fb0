#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests and demonstrates KubeRollout. One entry point for developers, CI and new users.
.DESCRIPTION
    Tasks:
      build   writes the importable module to out/KubeRollout (Import-Module ./out/KubeRollout)
      test    builds, installs the test tools (Pester, kubectl), runs xunit and Pester, ends with
              "tests: N passed, M failed" and exits non-zero when anything failed or nothing ran
      demo    builds and runs the seed's rollout scenario on the embedded sandbox cluster
      package builds and writes out/KubeRollout.<version>.nupkg, ready for the PowerShell Gallery
      bench   builds and runs the benchmarks (the sandbox's own figures, then the module against kubectl 1.35
              on one sandbox), printing figures for the README
      clean   removes build output
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Runs only the Pester files whose path matches (e.g. -PesterFilter Manifest); xunit is skipped when set.
    [string] $PesterFilter
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '.build/BuildTasks.psm1') -Force

$tasks = [ordered]@{
    build   = { Invoke-ModuleBuild -Configuration $Configuration }
    test    = {
        Invoke-ModuleBuild -Configuration $Configuration
        # The package test installs what `build.ps1 package` writes.
        Invoke-Package
        # The summary line must be the last thing printed: the result decides the exit code, nothing follows it.
        $summary = Invoke-AllTests -Configuration $Configuration -PesterFilter $PesterFilter
        if ($summary.Failed -gt 0 -or $summary.Passed -eq 0) { exit 1 }
    }
    demo    = { Invoke-ModuleBuild -Configuration $Configuration; Invoke-Demo }
    package = { Invoke-ModuleBuild -Configuration $Configuration; Invoke-Package }
    bench   = { Invoke-ModuleBuild -Configuration $Configuration; Invoke-Benchmarks -Configuration $Configuration }
    clean   = { Invoke-Clean }
}

if (-not $tasks.Contains($Task)) {
    [Console]::Error.WriteLine("Unknown task '$Task'. Valid tasks: $($tasks.Keys -join ', ').")
    exit 2
}

try {
    & $tasks[$Task]
    exit 0
}
catch {
    [Console]::Error.WriteLine("build.ps1 ${Task} failed: $($_.Exception.Message)")
    exit 1
}
