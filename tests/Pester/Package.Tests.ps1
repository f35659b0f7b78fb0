# The package that `build.ps1 package` writes, as a user gets it: published to a PSResourceGet repository, installed
# with Install-PSResource, imported by name in a new process, and used there (manifest, sandbox, help, views).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-TestModulePath
    $version = (Import-PowerShellDataFile (Join-Path $modulePath 'KubeRollout.psd1')).ModuleVersion
    $package = Join-Path (Split-Path $modulePath) "KubeRollout.$version.nupkg"
    $work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kr-package-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
    $repository = New-Item -ItemType Directory -Path (Join-Path $work 'repository')
    # PSResourceGet keeps its repository list, and installs CurrentUser modules, under the home folder: a home of the
    # test's own leaves the user's configuration and modules alone.
    $data = New-Item -ItemType Directory -Path (Join-Path $work 'home')
    # .NET answers "" for a special folder that does not exist, and NuGet and PSResourceGet then write beside the
    # current folder: the home gets the folders a real one has.
    New-Item -ItemType Directory -Path (Join-Path $data '.config'), (Join-Path $data '.local/share') | Out-Null

    # Runs a script in a new pwsh process whose home is $data; returns its JSON result.
    function Invoke-AsUser([string] $Script, [string[]] $ArgumentList = @()) {
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME }
        $env:HOME = $data.FullName
        $env:XDG_DATA_HOME = $null
        $env:XDG_CONFIG_HOME = $null
        Push-Location $work
        try { Invoke-InFreshSession -Script $Script -ArgumentList $ArgumentList }
        finally {
            Pop-Location
            foreach ($name in $saved.Keys) { Set-Item "env:$name" $saved[$name] }
        }
    }
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The module package' {
    It 'is written by build.ps1 package with the version of the manifest' {
        Test-Path $package | Should -BeTrue
        $entries = [IO.Compression.ZipFile]::OpenRead($package)
        try { $names = @($entries.Entries.FullName) } finally { $entries.Dispose() }

        $names | Should -Contain 'KubeRollout.psd1'
        $names | Should -Contain 'KubeRollout.dll'
        $names | Should -Contain 'LICENSE'
        $names | Should -Contain 'en-US/KubeRollout.dll-Help.xml'
        $names | Should -Contain 'en-US/about_KubeRollout.help.txt'
        $names | Should -Contain 'deps/KubeRollout.Core.dll'
        $names | Should -Contain 'sandbox/kuberollout-sandbox.dll'
        $names | Should -Contain 'Types/KubeRollout.Types.ps1xml'
        @($names -like 'Formats/*.Format.ps1xml').Count | Should -Be @(Get-ChildItem (Join-Path $modulePath 'Formats')).Count
    }

    It 'publishes to a local repository and installs with Install-PSResource' {
        $installed = Invoke-AsUser -ArgumentList @($repository.FullName, $package) -Script {
            param($Repository, $Package)
            $ErrorActionPreference = 'Stop'
            Register-PSResourceRepository -Name KubeRolloutTest -Uri $Repository -Trusted
            Publish-PSResource -NupkgPath $Package -Repository KubeRolloutTest
            Install-PSResource -Name KubeRollout -Repository KubeRolloutTest -Scope CurrentUser
            $module = Get-InstalledPSResource -Name KubeRollout
            [pscustomobject]@{
                Found   = @(Find-PSResource -Name KubeRollout -Repository KubeRolloutTest).Count
                Version = "$($module.Version)"
                Path    = $module.InstalledLocation
            } | ConvertTo-Json
        }

        $installed.Found | Should -Be 1
        $installed.Version | Should -Be $version
        $installed.Path | Should -BeLike "$($data.FullName)*"
        Join-Path $data '.local/share/PSResourceGet/PSResourceRepository.xml' | Should -Exist -Because 'the repository is registered in the test''s home only'
    }

    It 'imports by name in a new process and works there: manifests, help, views and a sandbox' {
        $manifest = Get-ExamplePath 'vweb/vweb-v1.0.yaml'
        $used = Invoke-AsUser -ArgumentList @($manifest, (Join-Path $work 'sandbox')) -Script {
            param($Manifest, $SandboxPath)
            $ErrorActionPreference = 'Stop'
            Import-Module KubeRollout
            $module = Get-Module KubeRollout
            $read = Get-KubeManifest $Manifest
            $help = Get-Help Invoke-KubeRollout -Full
            $sandbox = Start-KubeSandbox -Path $SandboxPath -TimeScale 20
            try {
                $applied = Invoke-KubeRollout $Manifest -KubeConfig $sandbox.KubeConfig -Wait -Timeout 60s
                $status = Get-KubeRolloutStatus vweb -KubeConfig $sandbox.KubeConfig
                $program = (Get-Content "/proc/$($sandbox.ProcessId)/cmdline" -Raw) -replace "`0", ' '
            }
            finally {
                $sandbox | Stop-KubeSandbox -Remove
            }
            [pscustomobject]@{
                ModuleBase = $module.ModuleBase
                Kind       = $read.Kind
                Table      = ($read | Out-String)
                Examples   = @($help.examples.example).Count
                Action     = "$($applied.Action)"
                Message    = $status.Message
                Program    = $program
                Removed    = -not (Test-Path $SandboxPath)
            } | ConvertTo-Json
        }

        $used.ModuleBase | Should -BeLike "$($data.FullName)*"
        $used.Kind | Should -Be 'Deployment'
        $used.Table | Should -Match 'Kind\s+Namespace\s+Name\s+ApiVersion\s+Source' -Because 'the format views come with the package'
        $used.Examples | Should -BeGreaterOrEqual 2 -Because 'the MAML help comes with the package'
        $used.Action | Should -Be 'Created'
        $used.Message | Should -Be 'deployment "vweb" successfully rolled out'
        $used.Program | Should -BeLike "*$($used.ModuleBase)*kuberollout-sandbox.dll*" -Because 'the sandbox program runs from the installed copy'
        $used.Removed | Should -BeTrue
    }
}
