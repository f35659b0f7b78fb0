BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $cmdlets = (Import-PowerShellDataFile (Join-Path (Get-TestModulePath) 'KubeRollout.psd1')).CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-TestModulePath
    $manifest = Import-PowerShellDataFile (Join-Path $modulePath 'KubeRollout.psd1')
    Import-Module $modulePath -Force
}

Describe 'The KubeRollout module' {
    It 'exports exactly the cmdlets its manifest names' {
        $exported = (Get-Command -Module KubeRollout -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $manifest.CmdletsToExport | Should -Not -Contain '*'
    }

    It 'is publishable as it is' {
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        $manifest.PowerShellVersion | Should -Be '7.4'
        $manifest.ModuleVersion | Should -Match '^\d+\.\d+\.\d+$'
        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.Tags | Should -Contain 'Kubernetes'
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Match ([regex]::Escape($manifest.ModuleVersion))
        $manifest.Copyright | Should -Match 'Apache License 2\.0'
        Get-Content (Join-Path $modulePath 'LICENSE') -TotalCount 2 | Should -Match 'Apache License|Version 2\.0'
        $manifest.PrivateData.PSData.Keys | Should -Not -Contain 'ProjectUri' -Because 'there is no project site to point at yet'
        Test-ModuleManifest (Join-Path $modulePath 'KubeRollout.psd1') | Should -Not -BeNullOrEmpty
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module KubeRollout) {
            # An alias in Verb-Noun form (Set-KubeStatefulSetPartition) must use an approved verb as well.
            $verb = if ($command.CommandType -eq 'Alias') { $command.Name.Split('-')[0] } else { $command.Verb }
            $verb | Should -BeIn $approved -Because "$($command.Name) must use an approved verb"
        }
    }

    It 'keeps its dependencies out of the module folder root' {
        Get-ChildItem $modulePath -Filter *.dll | ForEach-Object Name | Should -Be @('KubeRollout.dll')
        Join-Path $modulePath 'deps/KubernetesClient.dll' | Should -Exist
        Join-Path $modulePath 'deps/YamlDotNet.dll' | Should -Exist
    }
}

Describe 'Every cmdlet <_>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $_
        $help = Get-Help $_ -Full
    }

    It 'declares what it outputs' {
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'has a format view for what it outputs' {
        foreach ($type in $command.OutputType.Type) {
            Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) needs a view"
        }
    }

    It 'has help with a synopsis, a description, every parameter and at least two examples' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\S+-\S+\s*\[' -Because 'an auto-generated synopsis means there is no help'
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "parameter $($parameter.name) needs a description"
        }
    }

    It 'supports -WhatIf and -Confirm when its verb changes something' {
        if ($command.Verb -notin 'Get', 'Test', 'Wait', 'Find', 'Measure', 'Show', 'Compare') {
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}

Describe 'Dependency isolation' {
    It 'works in a session that already loaded another YamlDotNet' {
        $otherYaml = Get-NuGetPackagePath 'yamldotnet/16.3.0/lib/net8.0/YamlDotNet.dll'
        $script = {
            param($OtherYaml, $ModulePath, $Manifest)
            $ErrorActionPreference = 'Stop'
            Add-Type -Path $OtherYaml
            $before = [YamlDotNet.Serialization.Deserializer].Assembly.GetName().Version.ToString()
            Import-Module $ModulePath
            $object = Get-KubeManifest -Path $Manifest
            [pscustomobject]@{
                OtherVersion  = $before
                StillOther    = [YamlDotNet.Serialization.Deserializer].Assembly.GetName().Version.ToString()
                ModuleVersion = $object.Object.GetType().Assembly.GetReferencedAssemblies().Where({ $_.Name -eq 'YamlDotNet' }).Version.ToString()
                Loaded        = @([AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'YamlDotNet' }).ForEach({ $_.GetName().Version.ToString() }))
                Kind          = $object.Kind
                Image         = $object.Object.Spec.Template.Spec.Containers[0].Image
            } | ConvertTo-Json
        }
        $result = Invoke-InFreshSession -Script "$script" -ArgumentList @($otherYaml, (Get-TestModulePath), (Get-ExamplePath 'vweb/vweb-v1.0.yaml'))

        $result.OtherVersion | Should -BeLike '16.*'
        $result.StillOther | Should -Be $result.OtherVersion
        $result.Loaded | Should -Contain $result.OtherVersion
        $result.Loaded | Should -Contain '18.0.0.0' -Because 'the module loads its own YamlDotNet beside the other one'
        $result.Kind | Should -Be 'Deployment'
        $result.Image | Should -Be 'nginx:1.26-alpine'
    }
}
