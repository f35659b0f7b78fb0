# Get-Help as users read it: every cmdlet and parameter documented, at least two examples, a syntax that says what
# Get-Command says (types as they are typed: no Nullable`1), and lists in descriptions that read as lists.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $cmdlets = (Import-PowerShellDataFile (Join-Path (Get-TestModulePath) 'KubeRollout.psd1')).CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

    # What help must show for a parameter's value: the type's name, a Nullable<T> as T; nothing for a switch.
    function Get-ShownTypeName([type] $Type) {
        if ($Type -eq [switch]) { return $null }
        $underlying = [Nullable]::GetUnderlyingType($Type)
        if ($underlying) { $underlying.Name } else { $Type.Name }
    }
}

Describe 'The help of <_>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $_
        $help = Get-Help $_ -Full
        $documented = @($command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters -or $_.Name -in 'WhatIf', 'Confirm' })
    }

    It 'documents the cmdlet: synopsis, description and at least two examples with code' {
        $help.Synopsis | Should -Not -Match '^\s*\S+-\S+\s*\[' -Because 'an auto-generated synopsis means there is no help'
        $help.Synopsis | Should -Not -BeNullOrEmpty
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) { $example.code | Should -Not -BeNullOrEmpty }
    }

    It 'documents every parameter, and no parameter that does not exist' {
        $helpParameters = @($help.parameters.parameter)
        ($helpParameters.name | Sort-Object) | Should -Be ($documented.Name | Sort-Object)
        foreach ($parameter in $helpParameters) {
            ($parameter.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "parameter $($parameter.name) needs a description"
        }
    }

    It 'has a syntax that matches Get-Command: sets, parameters, mandatory, positions and types' {
        $items = @($help.syntax.syntaxItem)
        $items.Count | Should -Be $command.ParameterSets.Count
        for ($i = 0; $i -lt $items.Count; $i++) {
            $set = $command.ParameterSets[$i]
            $expected = @($set.Parameters | Where-Object { $_.Name -in $documented.Name })
            $shown = @($items[$i].parameter)
            $shown.name | Should -Be $expected.Name -Because "set $($set.Name) of $_"
            for ($p = 0; $p -lt $expected.Count; $p++) {
                $because = "parameter $($expected[$p].Name) in set $($set.Name)"
                $shown[$p].required | Should -Be "$($expected[$p].IsMandatory)".ToLowerInvariant() -Because $because
                $shown[$p].position | Should -Be $(if ($expected[$p].Position -ge 0) { "$($expected[$p].Position)" } else { 'named' }) -Because $because
                $typeName = Get-ShownTypeName $expected[$p].ParameterType
                if ($typeName) { $shown[$p].parameterValue | Should -Be $typeName -Because $because }
                else { $shown[$p].parameterValue | Should -BeNullOrEmpty -Because "$because is a switch" }
            }
        }
        ($help | Out-String -Width 200) | Should -Not -Match 'Nullable' -Because 'the syntax shows the type to type'
    }
}

Describe 'Lists in help descriptions' {
    It 'renders Wait-KubeRollout''s list of errors one item per paragraph' {
        $paragraphs = @((Get-Help Wait-KubeRollout -Full).description.Text)

        $items = @($paragraphs | Where-Object { $_ -like '- *' })
        $items.Count | Should -Be 5
        $items[0] | Should -BeLike '- RolloutFailed at once when *'
        $items[-1] | Should -BeLike '- ClusterUnreachable (or ClusterTimeout) *'
        ($items | Where-Object { $_ -match '\s- \S' }) | Should -BeNullOrEmpty -Because 'no item runs into the next'
        $rendered = (Get-Help Wait-KubeRollout -Full | Out-String -Width 120) -split '\r?\n' | ForEach-Object Trim
        foreach ($item in $items) { $rendered | Where-Object { $_ -like "$($item.Substring(0, 30))*" } | Should -Not -BeNullOrEmpty }
    }
}
