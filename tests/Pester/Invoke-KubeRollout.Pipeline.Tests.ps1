# Manifest objects piped into Invoke-KubeRollout (issue 15, item 1): Get-KubeManifest x.yaml | Invoke-KubeRollout applies
# every object of the pipeline in one transaction, as files are applied, with -WhatIf, -ChangeCause, -Record, -Wait and
# -VersionConfig; anything else piped is refused and nothing is applied. Against a sandbox over HTTPS.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cluster = New-TestCluster -TimeScale 20
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }
    $vwebConfig = Get-ExamplePath 'vweb-config/vweb-v3.0.yaml'
    $vweb = Get-ExamplePath 'vweb/vweb-v1.0.yaml'
    $vwebService = Get-ExamplePath 'vweb/vweb-service.yaml'

    function Get-Names([string] $Namespace, [string] $Resource) {
        $result = Invoke-Kubectl -Cluster $cluster -n $Namespace get $Resource -o 'jsonpath={.items[*].metadata.name}'
        $result.ExitCode | Should -Be 0 -Because $result.Error
        @($result.Output -split ' ' | Where-Object { $_ } | Sort-Object)
    }

    # The output types live in the module's own load context: they are matched by name.
    function Select-Type([string] $Name) { process { if ($_.PSObject.TypeNames[0] -eq $Name) { $_ } } }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'Get-KubeManifest | Invoke-KubeRollout' {
    BeforeEach {
        $ns = New-TestNamespace -Cluster $cluster -Prefix pipe
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
    }

    It 'applies every object of the pipeline, config before the workload, with one result each' {
        $results = @(Get-KubeManifest $vwebService, $vwebConfig | Invoke-KubeRollout -ChangeCause 'vweb 3.0' -Wait -Timeout 60)

        $applied = @($results | Select-Type 'KubeRollout.Core.Apply.ApplyResult')
        $applied | ForEach-Object { "$($_.Kind)/$($_.Name) $($_.Action)" } | Should -Be @('ConfigMap/vweb-config Created', 'Service/vweb Created', 'Deployment/vweb Created')
        ($applied | Where-Object Kind -EQ 'Deployment').Revision | Should -Be 1
        (Get-KubeRolloutStatus vweb).State | Should -Be 'Complete' -Because '-Wait returns once the rollout completed'
        (Get-KubeRolloutHistory vweb).ChangeCause | Should -Be 'vweb 3.0'
        Get-Names $ns configmaps | Should -Contain 'vweb-config'
    }

    It 'applies objects that name no namespace to -Namespace, and those that do to their own' {
        $other = New-TestNamespace -Cluster $cluster -Prefix pipe-own
        $own = New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: own`n  namespace: $other`ndata:`n  a: b`n"

        $results = Get-KubeManifest $vwebService, $own | Invoke-KubeRollout

        ($results | Where-Object Name -EQ 'vweb').Namespace | Should -Be $ns
        ($results | Where-Object Name -EQ 'own').Namespace | Should -Be $other
        Get-Names $other configmaps | Should -Contain 'own'
        Get-Names $ns services | Should -Be @('vweb')
    }

    It 'applies nothing when the server would refuse one object of the pipeline' {
        $orphan = New-ManifestFile ((Get-Content $vwebConfig -Raw) -replace '(?s)^.*?---', '' -replace 'name: vweb\b', 'name: orphan') -Name orphan.yaml

        $problems = Get-ErrorRecord { Get-KubeManifest $vwebService, $orphan | Invoke-KubeRollout -WarningAction SilentlyContinue }

        $problems[0].FullyQualifiedErrorId | Should -Be 'ConfigReferenceMissing,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        Get-Names $ns services | Should -BeNullOrEmpty -Because 'the Service of the same pipeline is not applied either'
        Get-Names $ns deployments | Should -BeNullOrEmpty
    }

    It 'takes anything else piped as a path, as before, and applies nothing when it is none' {
        $objects = @(Get-KubeManifest $vwebService) + [pscustomobject]@{ Kind = 'Deployment'; Name = 'vweb' }

        $problems = Get-ErrorRecord { $objects | Invoke-KubeRollout -WarningAction SilentlyContinue }

        $problems[0].FullyQualifiedErrorId | Should -Be 'ManifestFileNotFound,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        Get-Names $ns services | Should -BeNullOrEmpty -Because 'the manifest object of the same pipeline is not applied either'
    }

    It 'applies paths and manifest objects of the same pipeline together' {
        $results = @($vwebService, (Get-KubeManifest $vweb)) | Invoke-KubeRollout

        $results | ForEach-Object { "$($_.Kind)/$($_.Name) $($_.Action)" } | Should -Be @('Service/vweb Created', 'Deployment/vweb Created')
    }

    It 'refuses an object changed on the way into an invalid one, and applies nothing' {
        $objects = @(Get-KubeManifest $vwebService, $vweb)
        ($objects | Where-Object Kind -EQ 'Deployment').Json['spec']['template']['metadata']['labels'].Remove('app') | Should -BeTrue

        $problems = Get-ErrorRecord { $objects | Invoke-KubeRollout -WarningAction SilentlyContinue }

        $problems[0].FullyQualifiedErrorId | Should -Be 'ManifestInvalid,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        Get-Names $ns services | Should -BeNullOrEmpty
    }

    It 'shows with -WhatIf what every object would do, and changes nothing' {
        $whatIf = Get-HostText { Get-KubeManifest $vwebService, $vwebConfig | Invoke-KubeRollout -WhatIf }

        $whatIf | Should -Match "configmap/vweb-config in namespace ${ns}: create"
        $whatIf | Should -Match "service/vweb in namespace ${ns}: create"
        $whatIf | Should -Match "deployment/vweb in namespace ${ns}: create"
        Get-Names $ns deployments | Should -BeNullOrEmpty
    }

    It 'records with -Record the command that applies the same files' {
        Get-KubeManifest $vweb | Invoke-KubeRollout -Record | Out-Null

        (Get-KubeRolloutHistory vweb).ChangeCause | Should -Be "Invoke-KubeRollout -InputObject (Get-KubeManifest $((Resolve-Path $vweb).Path)) -Record"
    }

    It 'versions the configuration with -VersionConfig and rewrites the workload''s references' {
        $results = Get-KubeManifest $vwebConfig | Invoke-KubeRollout -VersionConfig

        $version = ($results | Where-Object Kind -EQ 'ConfigMap').Name
        $version | Should -Match '^vweb-config-[a-z0-9]{10}$'
        (Get-KubeRolloutHistory vweb).ConfigMaps | Should -Be @($version)
    }

    It 'takes the objects as an array too' {
        $results = Invoke-KubeRollout -InputObject (Get-KubeManifest $vwebService)

        $results.Action | Should -Be 'Created'
    }
}
