# Configuration you can see, roll out and roll back (issue 11): the chapter's two cases on examples/vweb-config — a
# ConfigMap changed in place and versioned configuration — plus the kubelet's view of missing config, bad input that
# applies nothing, and no Secret value in any stream. Against a sandbox over HTTPS, with the real kubectl.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $examples = Get-ExamplePath 'vweb-config'
    $cluster = New-TestCluster -TimeScale 20
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }

    function Kubectl { Invoke-Kubectl -Cluster $cluster -n $ns @args }
    function Assert-Ok($Result) { $Result.ExitCode | Should -Be 0 -Because $Result.Error; $Result }
    function Get-Live([string] $Resource) { (Assert-Ok (Kubectl get $Resource -o json)).Output | ConvertFrom-Json }

    # vweb 3.0 with the settings of examples/vweb-config/vweb-v3.0.yaml changed to $Release (the ConfigMap's data only).
    function New-Settings([string] $Release) {
        $yaml = (Get-Content (Join-Path $examples 'vweb-v3.0.yaml') -Raw) -replace 'release: "v3.0"', "release: `"$Release`"" -replace 'Settings v3.0', "Settings $Release"
        New-ManifestFile $yaml -Name "vweb-$Release.yaml"
    }

    function Get-PodNames([string] $Selector) { ((Assert-Ok (Kubectl get pods -l $Selector -o 'jsonpath={.items[*].metadata.name}')).Output -split ' ' | Where-Object { $_ } | Sort-Object) }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'A ConfigMap changed in place (examples/vweb-config)' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix inplace
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Invoke-KubeRollout (Join-Path $examples 'vweb-v3.0.yaml') -Wait -Timeout 2m | Out-Null
        # A DaemonSet reading the same ConfigMap through an init container's envFrom, and a Deployment that does not read it.
        $agent = New-ManifestFile @'
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      initContainers:
      - {name: setup, image: busybox, envFrom: [{configMapRef: {name: vweb-config}}]}
      containers:
      - {name: agent, image: busybox}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: unrelated}
spec:
  replicas: 1
  selector: {matchLabels: {app: unrelated}}
  template:
    metadata: {labels: {app: unrelated}}
    spec:
      containers:
      - {name: web, image: nginx:1.27-alpine}
'@ -Name agent.yaml
        Invoke-KubeRollout $agent -Wait -Timeout 2m | Out-Null
    }

    It '-WhatIf shows the keys that would change and every workload that reads the ConfigMap, and changes nothing' {
        $pods = Get-PodNames 'app=vweb'

        $whatIf = Get-HostText { Invoke-KubeRollout (Join-Path $examples 'update/vweb-config-v3.1.yaml') -WhatIf }

        $whatIf | Should -Match 'configmap/vweb-config in namespace \S+: configure in place \(no rollout\)'
        $whatIf | Should -Match '~ release: v3\.0 -> v3\.1'
        $whatIf | Should -Match '~ index\.html: <html>'
        $whatIf | Should -Match 'daemonset\.apps/agent \(envFrom of init container setup\)'
        $whatIf | Should -Match 'deployment\.apps/vweb \(volume site, env VWEB_RELEASE of container web\)'
        $whatIf | Should -Not -Match 'unrelated'
        (Get-Live 'configmap/vweb-config').data.release | Should -Be 'v3.0'
        Get-PodNames 'app=vweb' | Should -Be $pods
    }

    It 'changes it in place: lists the keys, warns naming the dependents, and nothing rolls out' {
        $pods = Get-PodNames 'app=vweb'

        $result = Invoke-KubeRollout (Join-Path $examples 'update/vweb-config-v3.1.yaml') -WarningVariable warnings

        $result.Action | Should -Be 'Configured'
        $result.RolloutTriggered | Should -BeFalse
        $result.DataChanges.Key | Should -Be @('index.html', 'release')
        ($result.DataChanges | Where-Object Key -EQ 'release') | ForEach-Object { $_.From, $_.To } | Should -Be @('v3.0', 'v3.1')
        $result.Dependents.Name | Sort-Object | Should -Be @('agent', 'vweb')
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -Match 'configmap/vweb-config is changed in place'
        $warnings[0] | Should -Match 'deployment\.apps/vweb'
        $warnings[0] | Should -Match 'daemonset\.apps/agent'
        $warnings[0] | Should -Match 'Undo-KubeRollout cannot bring the old data back'
        @(Get-KubeRolloutHistory vweb).Count | Should -Be 1
        Get-PodNames 'app=vweb' | Should -Be $pods
        (Get-Live 'configmap/vweb-config').data.release | Should -Be 'v3.1'
    }

    It 'cannot be undone: there is no revision to go back to, and the data stays' {
        $problems = Get-ErrorRecord { Undo-KubeRollout vweb }

        $problems[0].FullyQualifiedErrorId | Should -Be 'NoRolloutHistory,KubeRollout.Cmdlets.UndoKubeRolloutCommand'
        (Get-Live 'configmap/vweb-config').data.release | Should -Be 'v3.1'
    }

    It '-RestartDependents restarts exactly the workloads that read it, as recorded rollouts' {
        $unrelated = (Get-Live 'deployment/unrelated').metadata.generation
        $settings = New-ManifestFile ((Get-Content (Join-Path $examples 'update/vweb-config-v3.1.yaml') -Raw) -replace 'v3\.1', 'v3.2') -Name vweb-config-v3.2.yaml

        $output = Invoke-KubeRollout $settings -RestartDependents -ChangeCause 'settings v3.2' -Wait -Timeout 2m -WarningVariable warnings

        $restarts = $output | Where-Object { $_.PSObject.TypeNames[0] -eq 'KubeRollout.Core.Rollouts.RolloutActionResult' }
        $restarts | ForEach-Object { "$($_.Kind)/$($_.Name)" } | Sort-Object | Should -Be @('DaemonSet/agent', 'Deployment/vweb')
        $restarts.Action | Should -Be @('Restarted', 'Restarted')
        $warnings[0] | Should -Match 'they are restarted'
        $history = Get-KubeRolloutHistory vweb
        $history.Revision | Should -Be @(1, 2)
        ($history | Where-Object IsCurrent).ChangeCause | Should -Be 'settings v3.2'
        (Get-KubeRolloutHistory ds/agent | Where-Object IsCurrent).ChangeCause | Should -Be 'settings v3.2'
        (Get-KubeRolloutStatus vweb).State | Should -Be 'Complete'
        (Get-Live 'deployment/unrelated').metadata.generation | Should -Be $unrelated
    }
}

Describe 'Versioned configuration with -VersionConfig (examples/vweb-config)' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix versioned
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
    }

    It 'applies the ConfigMap as an immutable version named by its content and points the Deployment at it' {
        $results = Invoke-KubeRollout (Join-Path $examples 'vweb-v3.0.yaml') -VersionConfig -ChangeCause 'settings v3.0' -Wait -Timeout 2m

        $config = $results | Where-Object Kind -EQ 'ConfigMap'
        $config.Name | Should -Match '^vweb-config-[2456789bcdfghkmt]{10}$'
        $config.VersionOf | Should -Be 'vweb-config'
        $config.Action | Should -Be 'Created'
        $live = Get-Live "configmap/$($config.Name)"
        $live.immutable | Should -BeTrue
        $live.data.release | Should -Be 'v3.0'
        $live.metadata.annotations.'kuberollout.io/config-version-of' | Should -Be 'vweb-config'
        (Kubectl get configmap vweb-config).ExitCode | Should -Not -Be 0 -Because 'only the version is applied'
        $deployment = Get-Live 'deployment/vweb'
        $deployment.spec.template.spec.volumes[0].configMap.name | Should -Be $config.Name
        $deployment.spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.name | Should -Be $config.Name
        (Get-KubeRolloutStatus vweb).State | Should -Be 'Complete'
        $script:first = $config.Name
    }

    It 'gives unchanged content the same name: nothing changes and nothing rolls out' {
        $results = Invoke-KubeRollout (Join-Path $examples 'vweb-v3.0.yaml') -VersionConfig

        ($results | Where-Object Kind -EQ 'ConfigMap').Name | Should -Be $script:first
        $results.Action | Should -Be @('Unchanged', 'Unchanged')
        @(Get-KubeRolloutHistory vweb).Count | Should -Be 1
    }

    It 'warns, in -WhatIf too, when a new version is applied without the workloads that use the config' {
        $whatIf = Get-HostText { Invoke-KubeRollout (Join-Path $examples 'update/vweb-config-v3.1.yaml') -VersionConfig -WhatIf -WarningAction Continue }
        $whatIf | Should -Match 'is a new version of vweb-config, but no workload of this apply uses it: deployment vweb uses an earlier version and keeps it'

        $results = Invoke-KubeRollout (Join-Path $examples 'update/vweb-config-v3.1.yaml') -VersionConfig -WarningVariable warned -WarningAction SilentlyContinue

        $results.Action | Should -Be 'Created'
        "$warned" | Should -Match "configmap/$($results.Name) is a new version of vweb-config, but no workload of this apply uses it: deployment vweb uses an earlier version and keeps it\. Apply their manifests together with vweb-config's"
        (Get-Live 'deployment/vweb').spec.template.spec.volumes[0].configMap.name | Should -Be $script:first
        Kubectl delete configmap $results.Name | Out-Null
    }

    It '-WhatIf shows the new version and the rewritten references, and changes nothing' {
        $whatIf = Get-HostText { Invoke-KubeRollout (Join-Path $examples 'update/vweb-v3.1.yaml') -VersionConfig -WhatIf }

        $whatIf | Should -Match 'configmap/vweb-config-\w{10} in namespace \S+: create \(immutable version of vweb-config\)'
        $whatIf | Should -Match "~ spec\.template\.spec\.volumes\[site\]\.configMap\.name: $([regex]::Escape($script:first)) -> vweb-config-\w{10}"
        $whatIf | Should -Match 'deployment/vweb in namespace \S+: configure, rolling out a new revision'
        @(Get-KubeRolloutHistory vweb).Count | Should -Be 1
    }

    It 'turns a settings change into a rollout with a change cause, and the history names each revision''s version' {
        $results = Invoke-KubeRollout (Join-Path $examples 'update/vweb-v3.1.yaml') -VersionConfig -Wait -Timeout 2m

        $config = $results | Where-Object Kind -EQ 'ConfigMap'
        $config.Name | Should -Not -Be $script:first
        $deployment = $results | Where-Object Kind -EQ 'Deployment'
        $deployment.RolloutTriggered | Should -BeTrue
        $deployment.Revision | Should -Be 2
        $deployment.ChangeCause | Should -Be "config configmap $($config.Name) (was $($script:first))"
        $history = Get-KubeRolloutHistory vweb
        $history.Revision | Should -Be @(1, 2)
        $history[0].ConfigMaps | Should -Be @($script:first)
        $history[1].ConfigMaps | Should -Be @($config.Name)
        $history[1].ChangeCause | Should -Be $deployment.ChangeCause
        (Get-KubeRolloutHistory vweb -Revision 2 | Out-String -Width 120) | Should -Match "ConfigMaps\s+:\s+$([regex]::Escape($config.Name))"
        $script:second = $config.Name
    }

    It 'Compare-KubeRolloutRevision shows the template and the data that differ between the revisions' {
        $differences = Compare-KubeRolloutRevision vweb

        $template = $differences | Where-Object Area -EQ 'template'
        $template.Field | Should -Be @('spec.containers[web].env[VWEB_RELEASE].valueFrom.configMapKeyRef.name', 'spec.volumes[site].configMap.name')
        $data = $differences | Where-Object Area -EQ "configmap $($script:first) -> $($script:second)"
        $data.Field | Should -Be @('index.html', 'release')
        ($data | Where-Object Field -EQ 'release') | ForEach-Object { $_.From, $_.To, $_.ReferenceRevision, $_.DifferenceRevision } | Should -Be @('v3.0', 'v3.1', 1, 2)
        (Get-KubeRolloutHistory vweb -Revision 1 | Compare-KubeRolloutRevision -ReferenceRevision 2 | Where-Object Field -EQ 'release').To | Should -Be 'v3.0'
    }

    It 'undoes the settings change: the old version comes back, because it still exists' {
        $undo = Undo-KubeRollout vweb
        Wait-KubeRollout vweb -Timeout 2m | Out-Null

        $undo.ToRevision | Should -Be 1
        (Get-Live 'deployment/vweb').spec.template.spec.volumes[0].configMap.name | Should -Be $script:first
        (Get-KubeRolloutHistory vweb).Revision | Should -Be @(2, 3)
        (Get-KubeRolloutHistory vweb | Where-Object IsCurrent).ConfigMaps | Should -Be @($script:first)
        (Get-KubeRolloutStatus vweb).State | Should -Be 'Complete'
    }

    It 'refuses, with -WhatIf and -DryRun too, to go back to a revision whose ConfigMap is gone, unless -Force' {
        Assert-Ok (Kubectl delete configmap $script:second) | Out-Null
        $before = (Get-Live 'deployment/vweb').metadata.generation

        foreach ($attempt in { Undo-KubeRollout vweb }, { Undo-KubeRollout vweb -WhatIf }, { Undo-KubeRollout vweb -DryRun }) {
            $problem = Get-ErrorRecord $attempt
            $problem.FullyQualifiedErrorId | Should -Be 'UndoConfigMissing,KubeRollout.Cmdlets.UndoKubeRolloutCommand'
            $problem.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $problem.Exception.Message | Should -Match "Revision 2 of deployment\.apps/vweb cannot be rolled back to: configmap `"$($script:second)`" \(volume site\) does not exist"
            $problem.TargetObject.Name | Should -Be 'vweb'
        }
        (Get-Live 'deployment/vweb').metadata.generation | Should -Be $before
        Compare-KubeRolloutRevision vweb -ReferenceRevision 3 -DifferenceRevision 2 -WarningVariable warnings | Out-Null
        ($warnings -join "`n") | Should -Match "configmap `"$($script:second)`" of revision 2 no longer exists"
    }

    It 'with -Force rolls back to pods that cannot start (ContainerCreating, FailedMount), which start once the version is re-created' {
        $undo = Undo-KubeRollout vweb -Force
        $undo.ToRevision | Should -Be 2

        Wait-Until -TimeoutSeconds 60 -Because 'a new pod waits for its volume' {
            $script:stuck = (Get-Live 'pods').items | Where-Object { $_.spec.volumes[0].configMap.name -eq $script:second } | Select-Object -First 1
            $script:stuck -and $script:stuck.status.containerStatuses[0].state.waiting.reason -eq 'ContainerCreating'
        }
        Wait-Until -TimeoutSeconds 60 -Because 'the kubelet reports FailedMount' {
            (Kubectl get events --field-selector "involvedObject.name=$($script:stuck.metadata.name),reason=FailedMount" -o 'jsonpath={.items[*].message}').Output -match 'MountVolume\.SetUp failed'
        }
        (Kubectl get events --field-selector "involvedObject.name=$($script:stuck.metadata.name),reason=FailedMount" -o 'jsonpath={.items[0].message}').Output |
            Should -Be "MountVolume.SetUp failed for volume `"site`" : configmap `"$($script:second)`" not found"
        $script:stuck.status.phase | Should -Be 'Pending'

        # Re-applying the same settings with -VersionConfig re-creates the version under the same name.
        $results = Invoke-KubeRollout (Join-Path $examples 'update/vweb-v3.1.yaml') -VersionConfig
        ($results | Where-Object Kind -EQ 'ConfigMap') | ForEach-Object { $_.Name, $_.Action } | Should -Be @($script:second, 'Created')
        ($results | Where-Object Kind -EQ 'Deployment').Action | Should -Be 'Unchanged'
        Wait-KubeRollout vweb -Timeout 2m | Should -Not -BeNullOrEmpty
        (Get-KubeRolloutStatus vweb).State | Should -Be 'Complete'
    }

    It 'prunes only the versions no retained revision references' {
        # A version nothing references, a ConfigMap that is not a version, and a history limit that retains one old revision.
        $orphan = (Invoke-KubeRollout (New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: orphan}`ndata: {k: v}`n" -Name orphan.yaml) -VersionConfig).Name
        Assert-Ok (Kubectl create configmap handmade --from-literal=k=v) | Out-Null
        $third = (Invoke-KubeRollout (New-Settings 'v3.3') -VersionConfig -Wait -Timeout 2m | Where-Object Kind -EQ 'ConfigMap').Name
        Set-KubeRolloutStrategy vweb -RevisionHistoryLimit 1 | Out-Null
        # Revisions now: 3 (first), 4 (second), 5 (third, current); with a limit of 1 only revision 4 stays as an old one.
        Wait-Until -TimeoutSeconds 60 -Because 'no pod of revision 3 is left' {
            -not ((Get-Live 'pods').items | Where-Object { $_.spec.volumes[0].configMap.name -eq $script:first })
        }

        $whatIf = Get-HostText { Remove-KubeConfigVersion -WhatIf }
        $whatIf | Should -Match "configmap/$([regex]::Escape($orphan)) \(version of orphan\)"
        $whatIf | Should -Match "configmap/$([regex]::Escape($script:first)) \(version of vweb-config\)"
        (Get-Live 'configmaps').items.metadata.name | Should -Contain $script:first

        $removed = Remove-KubeConfigVersion -Verbose 4>&1
        $kept = ($removed | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -match '^Keeping'
        ($removed | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }).Name | Sort-Object | Should -Be (@($orphan, $script:first) | Sort-Object)
        ($kept -join "`n") | Should -Match "Keeping configmap/$([regex]::Escape($script:second)) .*revision 4 of deployment\.apps/vweb"
        $names = (Get-Live 'configmaps').items.metadata.name
        $names | Should -Contain $script:second
        $names | Should -Contain $third
        $names | Should -Contain 'handmade'
        $names | Should -Not -Contain $script:first
        $names | Should -Not -Contain $orphan
    }
}

Describe '-WhatIf shows every change an apply makes, as the server computes it' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix whatif
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        $strategies = Get-ExamplePath 'vweb-strategies'
        $blueGreen = Get-ExamplePath 'blue-green'
        Invoke-KubeRollout (Join-Path $strategies 'vweb-rolling-v2.0.yaml'), (Join-Path $blueGreen 'vweb-service-blue.yaml') | Out-Null
    }

    It 'names the strategy, replicas and Service selector changes, not only the pod template''s, and changes nothing' {
        $recreate = New-ManifestFile ((Get-Content (Join-Path $strategies 'vweb-recreate-v2.0.yaml') -Raw) -replace 'replicas: 3', 'replicas: 5') -Name vweb-recreate-5.yaml

        $whatIf = Get-HostText { Invoke-KubeRollout $recreate, (Join-Path $blueGreen 'vweb-service-green.yaml') -WhatIf }

        $whatIf | Should -Match 'deployment/vweb in namespace \S+: configure \(no rollout\)'
        $whatIf | Should -Match '~ spec\.replicas: 3 -> 5'
        $whatIf | Should -Match '~ spec\.strategy\.type: RollingUpdate -> Recreate'
        $whatIf | Should -Match '- spec\.strategy\.rollingUpdate\.maxSurge: 1'
        $whatIf | Should -Match 'service/vweb in namespace \S+: configure \(no rollout\)'
        $whatIf | Should -Match '~ spec\.selector\.slot: blue -> green'
        (Get-Live 'deployment/vweb').spec.strategy.type | Should -Be 'RollingUpdate'
        (Get-Live 'service/vweb').spec.selector.slot | Should -Be 'blue'
    }
}

Describe 'Bad input: a clear error, and nothing applied' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix badconfig
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
    }

    It 'refuses a workload that needs a ConfigMap neither the apply nor the cluster has, naming the workload and the reference' {
        $file = New-ManifestFile ((Get-Content (Join-Path $examples 'vweb-v3.0.yaml') -Raw) -replace '(?s)^.*?---\r?\n', '') -Name vweb-alone.yaml

        foreach ($whatIf in $true, $false) {
            $problem = Get-ErrorRecord { Invoke-KubeRollout $file -WhatIf:$whatIf }

            $problem.FullyQualifiedErrorId | Should -Be 'ConfigReferenceMissing,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
            $problem.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            ($problem.TargetObject.Kind, $problem.TargetObject.Name) | Should -Be @('Deployment', 'vweb')
            $problem.Exception.Message | Should -Match 'Deployment "vweb" \(.*vweb-alone\.yaml:\d+ \(document 1\)\) needs what neither this apply nor namespace'
            $problem.Exception.Message | Should -Match 'configmap "vweb-config" \(env VWEB_RELEASE of container web\) does not exist'
            $problem.Exception.Message | Should -Match 'configmap "vweb-config" \(volume site\) does not exist'
        }
        (Kubectl get deployment vweb).ExitCode | Should -Not -Be 0

        # Marked optional, the references need nothing.
        $optional = New-ManifestFile ((Get-Content $file -Raw) -replace 'key: release', "key: release`n                  optional: true" -replace 'name: vweb-config\r?\n(\s*)$', "name: vweb-config`n            optional: true`n") -Name vweb-optional.yaml
        (Invoke-KubeRollout $optional).Action | Should -Be 'Created'
        Assert-Ok (Kubectl delete deployment vweb) | Out-Null
    }

    It 'finds in the cluster what a workload needs when the manifests also name its namespace, which exists' {
        $named = New-TestNamespace -Cluster $cluster -Prefix named
        Invoke-KubeRollout (Join-Path $examples 'vweb-v3.0.yaml') -Namespace $named | Out-Null
        $alone = (Get-Content (Join-Path $examples 'vweb-v3.0.yaml') -Raw) -replace '(?s)^.*?---\r?\n', ''
        $file = New-ManifestFile "apiVersion: v1`nkind: Namespace`nmetadata: {name: $named}`n---`n$alone" -Name vweb-with-namespace.yaml

        $results = Invoke-KubeRollout $file -Namespace $named -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -BeNullOrEmpty -Because 'vweb-config is in the namespace, which the apply does not create'
        ($results | Where-Object Kind -eq Deployment).Action | Should -Be 'Unchanged'
    }

    It 'refuses -VersionConfig over a version that already exists as immutable with other data' {
        $vweb = Join-Path $examples 'vweb-v3.0.yaml'
        $name = ((Invoke-KubeRollout $vweb -VersionConfig -WhatIf:$false -Namespace (New-TestNamespace -Cluster $cluster -Prefix learn)) | Where-Object Kind -EQ 'ConfigMap').Name
        Assert-Ok (Kubectl apply -f (New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: $name}`nimmutable: true`ndata: {release: forged}`n" -Name forged.yaml)) | Out-Null

        $problem = Get-ErrorRecord { Invoke-KubeRollout $vweb -VersionConfig }

        $problem.FullyQualifiedErrorId | Should -Be 'ConfigImmutable,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        $problem.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $problem.TargetObject.Name | Should -Be $name
        $problem.Exception.Message | Should -Match "ConfigMap `"$name`" .* exists in namespace \S+ as immutable with other data"
        (Kubectl get deployment vweb).ExitCode | Should -Not -Be 0
        (Get-Live "configmap/$name").data.release | Should -Be 'forged'
    }

    It 'refuses, under -WhatIf too, to change the data of an immutable ConfigMap, as the server would' {
        $v40 = Join-Path $examples 'update/vweb-v4.0.yaml'
        Invoke-KubeRollout $v40 | Out-Null
        $edited = New-ManifestFile ((Get-Content $v40 -Raw) -replace 'release: "v4.0"', 'release: "v4.0-edited"') -Name vweb-v4.0-edited.yaml

        foreach ($whatIf in $true, $false) {
            $problem = Get-ErrorRecord { Invoke-KubeRollout $edited -WhatIf:$whatIf }
            $problem.FullyQualifiedErrorId | Should -Be 'ConfigImmutable,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
            $problem.Exception.Message | Should -Match 'or apply with -VersionConfig'
        }
        (Get-Live 'configmap/vweb-config-v4.0').data.release | Should -Be 'v4.0'

        # What the server alone refuses (unsetting immutable) is an error under -WhatIf too: the what-if is the server's dry run.
        $unset = New-ManifestFile ((Get-Content $v40 -Raw) -replace 'immutable: true', 'immutable: false') -Name vweb-v4.0-mutable.yaml
        $problem = Get-ErrorRecord { Invoke-KubeRollout $unset -WhatIf }
        $problem.FullyQualifiedErrorId | Should -Be 'ApplyKubeApiInvalid,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        $problem.Exception.Message | Should -Match 'field is immutable when `immutable` is set'
        (Get-Live 'configmap/vweb-config-v4.0').immutable | Should -BeTrue
    }
}

Describe 'No Secret value in any output, error, warning, verbose or debug line' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix secrets
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        $value = 'Quokka-Secret-9137'
        $forms = @(
            $value
            [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($value))
            [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($value))).ToLowerInvariant()
        )
        function New-App([string] $Password) {
            New-ManifestFile @"
apiVersion: v1
kind: Secret
metadata: {name: db}
stringData: {password: $Password, user: app}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  replicas: 1
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
      - name: app
        image: nginx:1.27-alpine
        env:
        - name: DB_PASSWORD
          valueFrom: {secretKeyRef: {name: db, key: password}}
        volumeMounts: [{name: creds, mountPath: /creds}]
      volumes:
      - {name: creds, secret: {secretName: db}}
"@ -Name "app-$([guid]::NewGuid().ToString('N').Substring(0, 6)).yaml"
        }
    }

    It 'keeps them out of every stream of every new path, at -Verbose and -Debug' {
        $DebugPreference = 'Continue'
        $streams = [Collections.Generic.List[object]]::new()
        $hostText = Get-HostText {
            # -Debug alone would make PowerShell inquire at every warning and stop at errors; both are captured instead.
            $common = @{ Verbose = $true; Debug = $true; WarningAction = 'Continue'; ErrorAction = 'Continue' }
            $streams.AddRange(@(Invoke-KubeRollout (New-App $value) -Wait -Timeout 2m @common *>&1))
            $streams.AddRange(@(Invoke-KubeRollout (New-App "$value-2") -WhatIf @common *>&1))
            $streams.AddRange(@(Invoke-KubeRollout (New-App "$value-2") -RestartDependents -Wait -Timeout 2m @common *>&1))
            $streams.AddRange(@(Invoke-KubeRollout (New-App $value) -VersionConfig -Wait -Timeout 2m @common *>&1))
            $streams.AddRange(@(Invoke-KubeRollout (New-App "$value-3") -VersionConfig -Wait -Timeout 2m @common *>&1))
            $streams.AddRange(@(Get-KubeRolloutHistory app @common *>&1))
            $streams.AddRange(@(Compare-KubeRolloutRevision app @common *>&1))
            $streams.AddRange(@(Undo-KubeRollout app -WhatIf @common *>&1))
            $streams.AddRange(@(Remove-KubeConfigVersion -WhatIf @common *>&1))
            # An error path: the version of the current Secret forged with other data.
            $version = (Get-KubeRolloutHistory app | Where-Object IsCurrent).Secrets[0]
            Assert-Ok (Kubectl delete secret $version) | Out-Null
            Assert-Ok (Kubectl create secret generic $version --from-literal=password=other) | Out-Null
            Assert-Ok (Kubectl patch secret $version -p '{"immutable":true}') | Out-Null
            $streams.AddRange(@(Invoke-KubeRollout (New-App "$value-3") -VersionConfig @common *>&1))
        }

        $streams.Count | Should -BeGreaterThan 10
        ($streams | Where-Object { $_ -is [Management.Automation.ErrorRecord] }).FullyQualifiedErrorId | Should -Contain 'ConfigImmutable,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        ($streams | Where-Object { $_ -is [Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty
        ($streams | Where-Object { $_.PSObject.TypeNames[0] -eq 'KubeRollout.Core.Apply.ApplyResult' -and $_.Kind -eq 'Secret' }).DataChanges.Key | Should -Contain 'password'
        $text = @(
            $hostText
            $streams | Out-String -Width 4096
            $streams | ForEach-Object {
                if ($_ -is [Management.Automation.ErrorRecord]) { $_.Exception.Message; "$($_.TargetObject)" }
                elseif ($_ -is [Management.Automation.InformationalRecord]) { $_.Message }
                else { $_ | ConvertTo-Json -Depth 8 -WarningAction SilentlyContinue }
            }
        ) -join "`n"
        foreach ($form in $forms) {
            $text | Should -Not -Match ([regex]::Escape($form))
        }
    }
}

Describe 'The sandbox kubelet, as kubectl shows it' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix kubelet
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
    }

    It 'keeps a pod without its ConfigMap volume ContainerCreating with FailedMount, and starts it once the ConfigMap exists' {
        Assert-Ok (Kubectl apply -f (New-ManifestFile @'
apiVersion: v1
kind: Pod
metadata: {name: mounts}
spec:
  containers:
  - {name: mounts, image: nginx:1.27-alpine, volumeMounts: [{name: site, mountPath: /site}]}
  volumes:
  - {name: site, configMap: {name: absent}}
'@ -Name mounts.yaml)) | Out-Null

        Wait-Until -TimeoutSeconds 60 -Because 'FailedMount is recorded' { (Kubectl get events --field-selector reason=FailedMount -o name).Output }
        (Assert-Ok (Kubectl get pod mounts --no-headers)).Output | Should -Match '^mounts\s+0/1\s+ContainerCreating\s+0\s'
        $describe = (Assert-Ok (Kubectl describe pod mounts)).Output
        $describe | Should -Match 'Status:\s+Pending'
        $describe | Should -Match 'Reason:\s+ContainerCreating'
        $describe | Should -Match 'PodReadyToStartContainers\s+False'
        $describe | Should -Match 'Warning\s+FailedMount\s+.*\s+kubelet\s+MountVolume\.SetUp failed for volume "site" : configmap "absent" not found'
        (Assert-Ok (Kubectl get events --field-selector involvedObject.name=mounts)).Output | Should -Match 'Warning\s+FailedMount\s+pod/mounts\s+MountVolume\.SetUp failed for volume "site" : configmap "absent" not found'

        Assert-Ok (Kubectl create configmap absent --from-literal=index.html=hi) | Out-Null
        Wait-Until -TimeoutSeconds 60 -Because 'the pod starts once the ConfigMap exists' { (Kubectl get pod mounts --no-headers).Output -match '^mounts\s+1/1\s+Running' }
    }

    It 'shows env from a missing ConfigMap or key as CreateContainerConfigError, and honours optional references' {
        Assert-Ok (Kubectl apply -f (New-ManifestFile @'
apiVersion: v1
kind: Pod
metadata: {name: envs}
spec:
  containers:
  - name: envs
    image: nginx:1.27-alpine
    env:
    - {name: R, valueFrom: {configMapKeyRef: {name: settings, key: release}}}
    - {name: O, valueFrom: {secretKeyRef: {name: nowhere, key: k, optional: true}}}
'@ -Name envs.yaml)) | Out-Null

        Wait-Until -TimeoutSeconds 60 -Because 'the container cannot be created' { (Kubectl get pod envs --no-headers).Output -match 'CreateContainerConfigError' }
        (Assert-Ok (Kubectl get pod envs --no-headers)).Output | Should -Match '^envs\s+0/1\s+CreateContainerConfigError\s+0\s'
        $describe = (Assert-Ok (Kubectl describe pod envs)).Output
        $describe | Should -Match 'Reason:\s+CreateContainerConfigError'
        $describe | Should -Match 'Warning\s+Failed\s+.*kubelet\s+(spec\.containers\{envs\}: )?Error: configmap "settings" not found'

        Assert-Ok (Kubectl create configmap settings --from-literal=other=x) | Out-Null
        Wait-Until -TimeoutSeconds 60 -Because 'the missing key is reported' {
            (Kubectl get pod envs -o 'jsonpath={.status.containerStatuses[0].state.waiting.message}').Output -eq "couldn't find key release in ConfigMap $ns/settings"
        }
        Assert-Ok (Kubectl patch configmap settings -p '{"data":{"release":"v1"}}') | Out-Null
        Wait-Until -TimeoutSeconds 60 -Because 'the pod starts once the key exists' { (Kubectl get pod envs --no-headers).Output -match '^envs\s+1/1\s+Running' }
    }
}
