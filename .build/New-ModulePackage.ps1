# Packs the built module into a .nupkg for the PowerShell Gallery (or any PSResourceGet repository), in its own
# process so that the module's assemblies never load into the build session.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DestinationPath
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet

$version = (Import-PowerShellDataFile (Join-Path $ModulePath 'KubeRollout.psd1')).ModuleVersion
$package = Join-Path $DestinationPath "KubeRollout.$version.nupkg"
if (Test-Path $package) { Remove-Item $package -Force }
Compress-PSResource -Path $ModulePath -DestinationPath $DestinationPath
if (-not (Test-Path $package)) { throw "Compress-PSResource did not write $package." }
Write-Host "   package: $package"
