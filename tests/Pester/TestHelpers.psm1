# Shared by the Pester files: where the built module, the examples and the NuGet packages are.

function Get-TestModulePath {
    if ($env:KUBEROLLOUT_MODULE) { return $env:KUBEROLLOUT_MODULE }
    Join-Path $PSScriptRoot '../../out/KubeRollout'
}

# A file or folder of the repository's examples/ (the tests read nothing outside the repository).
function Get-ExamplePath([string] $Relative) {
    $path = Join-Path $PSScriptRoot "../../examples/$Relative"
    if (-not (Test-Path $path)) { throw "Example $Relative not found under examples/." }
    (Resolve-Path $path).ProviderPath
}

function Get-NuGetPackagePath([string] $Relative) {
    $root = if ($env:KUBEROLLOUT_PACKAGES) { $env:KUBEROLLOUT_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $path = Join-Path $root $Relative
    if (-not (Test-Path $path)) { throw "NuGet package file $Relative not found under $root (build.ps1 test restores it)." }
    $path
}

# Runs a script in a fresh pwsh process (so that it starts with no assemblies loaded) and returns what the
# script writes, converted from JSON: the script ends with ConvertTo-Json of its result.
function Invoke-InFreshSession([string] $Script, [string[]] $ArgumentList = @()) {
    $file = Join-Path ([IO.Path]::GetTempPath()) "kuberollout-$([guid]::NewGuid()).ps1"
    Set-Content -Path $file -Value $Script
    try {
        $output = & (Get-Process -Id $PID).Path (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file @ArgumentList 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The fresh session failed (exit code $LASTEXITCODE): $($output -join "`n")" }
        ($output -join "`n") | ConvertFrom-Json
    }
    finally {
        Remove-Item $file -Force
    }
}

# Runs a command and returns every error it reported, terminating or not, as ErrorRecords (nothing when it succeeded).
function Get-ErrorRecord([scriptblock] $Command) {
    try {
        & $Command 2>&1 3>$null | Where-Object { $_ -is [Management.Automation.ErrorRecord] }
    }
    catch {
        $_
    }
}

# What a command writes to the host (-WhatIf and -Confirm texts go there, not to a stream): a transcript records it.
# The command's streams are discarded.
function Get-HostText([scriptblock] $Command) {
    $transcript = Join-Path ([IO.Path]::GetTempPath()) "host-$([guid]::NewGuid()).txt"
    Start-Transcript -Path $transcript | Out-Null
    try { & $Command *>&1 | Out-Null } finally { Stop-Transcript | Out-Null }
    $text = Get-Content $transcript -Raw
    Remove-Item $transcript
    $text
}

Export-ModuleMember -Function Get-TestModulePath, Get-ExamplePath, Get-NuGetPackagePath, Invoke-InFreshSession, Get-ErrorRecord, Get-HostText
