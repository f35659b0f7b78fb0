# Set-KubeRolloutStrategy on the examples' workloads, against a sandbox or KUBEROLLOUT_TEST_KUBECONFIG.
BeforeAll {
    # What a client's write would change: generation and spec. (The resourceVersion also moves with the controllers'
    # status writes while pods settle, so it cannot tell whether this cmdlet sent something.)
    function Get-Intent($Object) { "generation $($Object.metadata.generation): $($Object.spec | ConvertTo-Json -Depth 30 -Compress)" }

    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $strategies = Get-ExamplePath 'vweb-strategies'
    $examples = Get-ExamplePath ''
    $cluster = New-TestCluster -TimeScale 20
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }

    # The object as the cluster has it, to show that a refused change left it alone.
    function Get-LiveObject([string] $Resource, [string] $Namespace) {
        $result = Invoke-Kubectl -Cluster $cluster get $Resource -n $Namespace -o json
        if ($result.ExitCode -ne 0) { throw "kubectl get $Resource failed: $($result.Error)" }
        $result.Output | ConvertFrom-Json -Depth 50
    }

    function Get-ReplicaSetNames([string] $Namespace) {
        @((Invoke-Kubectl -Cluster $cluster get rs -n $Namespace -o 'jsonpath={.items[*].metadata.name}').Output -split ' ' | Where-Object { $_ })
    }

    # The controller has seen the latest spec: only then does "no new revision" mean anything.
    function Wait-Observed([string] $Resource, [string] $Namespace) {
        Wait-Until -Because "$Resource to be observed" -Condition {
            $live = Get-LiveObject $Resource $Namespace
            $live.status.observedGeneration -ge $live.metadata.generation
        }
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'Set-KubeRolloutStrategy on a Deployment' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix strategy
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Invoke-KubeRollout (Join-Path $strategies 'vweb-rolling-v2.0.yaml') -Wait -Timeout 60s | Out-Null
    }

    It 'changes only the given settings and starts no rollout' {
        $before = Get-LiveObject deploy/vweb $ns
        $replicaSets = Get-ReplicaSetNames $ns

        $result = Set-KubeRolloutStrategy vweb -MaxUnavailable 1 -MinReadySeconds 30 -ProgressDeadlineSeconds 120

        $result.Kind | Should -Be 'Deployment'
        $result.Namespace | Should -Be $ns
        $result.Type | Should -Be 'RollingUpdate'
        $result.MaxSurge | Should -Be '1'
        $result.MaxUnavailable | Should -Be '1'
        $result.MinReadySeconds | Should -Be 30
        $result.ProgressDeadlineSeconds | Should -Be 120
        $result.RevisionHistoryLimit | Should -Be 10
        $result.Changes | Should -Be @('strategy.rollingUpdate.maxUnavailable: 0 -> 1', 'minReadySeconds: 0 -> 30', 'progressDeadlineSeconds: 600 -> 120')
        $result.RolloutTriggered | Should -BeFalse
        $result.Warnings | Should -BeNullOrEmpty

        # The same settings as the broken 2.1 manifest, without its new template.
        $v3 = (Get-KubeManifest (Join-Path $strategies 'vweb-rolling-v2.1-broken.yaml')).Object.Spec
        $after = Get-LiveObject deploy/vweb $ns
        $after.spec.strategy.rollingUpdate.maxSurge | Should -Be $v3.Strategy.RollingUpdate.MaxSurge.Value
        $after.spec.strategy.rollingUpdate.maxUnavailable | Should -Be $v3.Strategy.RollingUpdate.MaxUnavailable.Value
        $after.spec.minReadySeconds | Should -Be $v3.MinReadySeconds
        $after.spec.progressDeadlineSeconds | Should -Be $v3.ProgressDeadlineSeconds
        ($after.spec.template | ConvertTo-Json -Depth 20) | Should -Be ($before.spec.template | ConvertTo-Json -Depth 20)

        Wait-Observed deploy/vweb $ns
        (Get-KubeRolloutStatus vweb).Revision | Should -Be 1
        Get-ReplicaSetNames $ns | Should -Be $replicaSets
        (Get-KubeRolloutHistory vweb).Revision | Should -Be @(1)
    }

    It 'switches to Recreate with a warning and drops rollingUpdate' {
        $result = Set-KubeRolloutStrategy vweb -Type Recreate -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings[0].Message | Should -BeLike 'Recreate stops every old pod before it starts any new one*'
        $result.Warnings | Should -Be @($warnings[0].Message)
        $result.Type | Should -Be 'Recreate'
        $result.MaxSurge | Should -BeNullOrEmpty
        $result.MaxUnavailable | Should -BeNullOrEmpty
        $live = Get-LiveObject deploy/vweb $ns
        $live.spec.strategy.type | Should -Be 'Recreate'
        $live.spec.strategy.PSObject.Properties.Name | Should -Not -Contain 'rollingUpdate'
        Wait-Observed deploy/vweb $ns
        (Get-KubeRolloutStatus vweb).Revision | Should -Be 1
    }

    It 'switches back to RollingUpdate with the server''s defaults' {
        $result = Set-KubeRolloutStrategy vweb -Type RollingUpdate

        $result.MaxSurge | Should -Be '25%'
        $result.MaxUnavailable | Should -Be '25%'
        $result.Changes | Should -Contain 'strategy.type: Recreate -> RollingUpdate'
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-LiveObject deploy/vweb $ns

        $result = Set-KubeRolloutStrategy vweb -MaxSurge 2 -WhatIf

        $result | Should -BeNullOrEmpty
        Get-Intent (Get-LiveObject deploy/vweb $ns) | Should -Be (Get-Intent $before)
    }

    It 'sends nothing when the settings are already as asked, and returns them' {
        $before = Get-LiveObject deploy/vweb $ns

        $result = Set-KubeRolloutStrategy vweb -MaxSurge 25%

        $result.Changes | Should -BeNullOrEmpty
        $result.MaxSurge | Should -Be '25%'
        Get-Intent (Get-LiveObject deploy/vweb $ns) | Should -Be (Get-Intent $before)
    }

    It 'takes workloads from the pipeline' {
        $result = Get-KubeRolloutStatus vweb | Set-KubeRolloutStrategy -RevisionHistoryLimit 5

        $result.Name | Should -Be 'vweb'
        $result.RevisionHistoryLimit | Should -Be 5
    }

    It 'warns when every pod may be down at once' {
        $result = Set-KubeRolloutStrategy vweb -MaxUnavailable 100% -WarningAction SilentlyContinue

        $result.Warnings | Should -Be @('maxUnavailable 100% lets all 3 pods be unavailable at once: a rollout may take the whole application down, as Recreate does.')
    }
}

Describe 'Set-KubeRolloutStrategy refuses what the API refuses, and changes nothing' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix badstrategy
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Invoke-KubeRollout (Join-Path $strategies 'vweb-rolling-v2.0.yaml') -Wait -Timeout 60s | Out-Null
    }

    It 'refuses <Case> with <Id>' -ForEach @(
        @{ Case = 'maxSurge 0 with maxUnavailable 0'; Parameters = @{ MaxSurge = '0'; MaxUnavailable = '0' }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0' }
        @{ Case = 'maxUnavailable 0 next to maxSurge 0%'; Parameters = @{ MaxSurge = '0%' }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0' }
        @{ Case = 'maxUnavailable over 100%'; Parameters = @{ MaxUnavailable = '120%' }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%' }
        @{ Case = 'a negative maxSurge'; Parameters = @{ MaxSurge = '-1' }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0' }
        @{ Case = 'a maxSurge that is no percentage'; Parameters = @{ MaxSurge = 'lots'; MaxUnavailable = '1' }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"lots"}: a valid percent string must be a numeric string followed by an ending ''%'' (e.g. ''1%'',  or ''93%'', regex used for validation is ''[0-9]+%'')' }
        @{ Case = 'Recreate with rollingUpdate values'; Parameters = @{ Type = 'Recreate'; MaxSurge = '1' }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is ''Recreate''' }
        @{ Case = 'OnDelete for a Deployment'; Parameters = @{ Type = 'OnDelete' }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"OnDelete", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"' }
        @{ Case = 'a deadline not above minReadySeconds'; Parameters = @{ MinReadySeconds = 700 }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds' }
        @{ Case = 'negative numbers'; Parameters = @{ MinReadySeconds = -1; RevisionHistoryLimit = -2 }; Id = 'StrategyInvalid'
            Message = 'Deployment.apps "vweb" is invalid: [spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0, spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0]' }
        @{ Case = 'a partition'; Parameters = @{ Partition = 1 }; Id = 'StrategySettingNotSupported'
            Message = '-Partition does not apply to Deployments: a partition holds back StatefulSet pods by ordinal; Deployment pods have none' }
    ) {
        $before = Get-LiveObject deploy/vweb $ns

        $result = Set-KubeRolloutStrategy vweb @Parameters -ErrorVariable problems -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,KubeRollout.Cmdlets.SetKubeRolloutStrategyCommand"
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject.Name | Should -Be 'vweb'
        $problems[0].TargetObject.Namespace | Should -Be $ns
        $problems[0].Exception.Message | Should -BeExactly $Message
        $after = Get-LiveObject deploy/vweb $ns
        Get-Intent $after | Should -Be (Get-Intent $before)
        ($after.spec | ConvertTo-Json -Depth 30) | Should -Be ($before.spec | ConvertTo-Json -Depth 30)
    }

    # The cluster's own answer to the same change, sent by kubectl as a server-side dry run: what the cmdlet said
    # without sending anything is what the API server says.
    It 'words <Case> as the API server does' -ForEach @(
        @{ Case = 'maxSurge 0 with maxUnavailable 0'; Parameters = @{ MaxSurge = '0'; MaxUnavailable = '0' }; Patch = '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":0}}}}' }
        @{ Case = 'a negative maxSurge'; Parameters = @{ MaxSurge = '-1' }; Patch = '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":-1}}}}' }
        @{ Case = 'Recreate with rollingUpdate values'; Parameters = @{ Type = 'Recreate'; MaxSurge = '1' }; Patch = '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":{"maxSurge":1,"maxUnavailable":null}}}}' }
        @{ Case = 'OnDelete for a Deployment'; Parameters = @{ Type = 'OnDelete' }; Patch = '{"spec":{"strategy":{"type":"OnDelete","rollingUpdate":null}}}' }
        @{ Case = 'a deadline not above minReadySeconds'; Parameters = @{ MinReadySeconds = 700 }; Patch = '{"spec":{"minReadySeconds":700}}' }
    ) {
        Set-KubeRolloutStrategy vweb @Parameters -ErrorVariable problems -ErrorAction SilentlyContinue
        $server = Invoke-Kubectl -Cluster $cluster patch deploy/vweb -n $ns --type merge -p $Patch --dry-run=server

        $server.ExitCode | Should -Not -Be 0
        $cause = $problems[0].Exception.Message -replace '^Deployment\.apps "vweb" is invalid: ', ''
        $server.Error.Trim() | Should -BeExactly "The Deployment `"vweb`" is invalid: $cause"
    }
}

Describe 'Set-KubeRolloutStrategy on a StatefulSet' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix sts
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        $applied = Invoke-Kubectl -Cluster $cluster apply -n $ns -f (Join-Path $examples 'todo-db/todo-db.yaml')
        if ($applied.ExitCode -ne 0) { throw "Cannot create todo-db: $($applied.Error)" }
        # The tests compare status.updateRevision before and after: the controller must have written it first.
        Wait-Until { (Get-LiveObject sts/todo-db $ns).status.updateRevision } -Because 'the controller gives todo-db its update revision'
    }

    It 'stages an update with a partition and starts no rollout' {
        $before = Get-LiveObject sts/todo-db $ns

        $result = Set-KubeRolloutStrategy sts/todo-db -Partition 1

        $result.Kind | Should -Be 'StatefulSet'
        $result.Type | Should -Be 'RollingUpdate'
        $result.Partition | Should -Be 1
        $result.Changes | Should -Be @('updateStrategy.rollingUpdate.partition: 0 -> 1')
        $result.RolloutTriggered | Should -BeFalse
        $after = Get-LiveObject sts/todo-db $ns
        $after.spec.updateStrategy.rollingUpdate.partition | Should -Be 1
        ($after.spec.template | ConvertTo-Json -Depth 30) | Should -Be ($before.spec.template | ConvertTo-Json -Depth 30)
        $after.status.updateRevision | Should -Be $before.status.updateRevision
    }

    It 'warns when the partition holds back every pod' {
        $result = Set-KubeRolloutStrategy todo-db -Kind StatefulSet -Partition 5 -WarningAction SilentlyContinue

        $result.Warnings | Should -Be @('partition 5 is not below the 5 replicas: a rollout updates no pod until the partition is lowered.')
    }

    It 'switches to OnDelete with a warning, and back' {
        $onDelete = Set-KubeRolloutStrategy sts/todo-db -Type OnDelete -WarningAction SilentlyContinue
        $live = Get-LiveObject sts/todo-db $ns
        $rolling = Set-KubeRolloutStrategy sts/todo-db -Type RollingUpdate

        $onDelete.Warnings[0] | Should -BeLike 'OnDelete updates no pod by itself*'
        $onDelete.Partition | Should -BeNullOrEmpty
        $live.spec.updateStrategy.type | Should -Be 'OnDelete'
        $live.spec.updateStrategy.PSObject.Properties.Name | Should -Not -Contain 'rollingUpdate'
        $rolling.Partition | Should -Be 0
    }

    It 'refuses <Case> with <Id> and changes nothing' -ForEach @(
        @{ Case = 'Recreate'; Parameters = @{ Type = 'Recreate' }; Id = 'StrategyInvalid'
            Message = 'StatefulSet.apps "todo-db" is invalid: spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be ''RollingUpdate'' or ''OnDelete''' }
        @{ Case = 'maxUnavailable 0'; Parameters = @{ MaxUnavailable = '0' }; Id = 'StrategyInvalid'
            Message = 'StatefulSet.apps "todo-db" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: cannot be 0' }
        @{ Case = 'a negative partition'; Parameters = @{ Partition = -1 }; Id = 'StrategyInvalid'
            Message = 'StatefulSet.apps "todo-db" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0' }
        @{ Case = 'maxSurge'; Parameters = @{ MaxSurge = '1' }; Id = 'StrategySettingNotSupported'
            Message = '-MaxSurge does not apply to StatefulSets: a StatefulSet replaces each pod in place under the same name, so it never runs extra pods (unknown field "spec.updateStrategy.rollingUpdate.maxSurge")' }
    ) {
        $before = Get-LiveObject sts/todo-db $ns

        Set-KubeRolloutStrategy sts/todo-db @Parameters -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,KubeRollout.Cmdlets.SetKubeRolloutStrategyCommand"
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].Exception.Message | Should -BeExactly $Message
        Get-Intent (Get-LiveObject sts/todo-db $ns) | Should -Be (Get-Intent $before)
    }
}

Describe 'Set-KubeRolloutStrategy on a DaemonSet' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix ds
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        $applied = Invoke-Kubectl -Cluster $cluster apply -n $ns -f (Join-Path $examples 'todo-proxy/todo-proxy.yaml')
        if ($applied.ExitCode -ne 0) { throw "Cannot create todo-proxy: $($applied.Error)" }
    }

    It 'takes the settings of the examples'' update: maxUnavailable 1 and minReadySeconds 90' {
        $before = Get-LiveObject ds/todo-proxy $ns

        $result = Set-KubeRolloutStrategy ds/todo-proxy -MaxUnavailable 1 -MinReadySeconds 90

        $result.Changes | Should -Be @('minReadySeconds: 0 -> 90')
        $result.MaxUnavailable | Should -Be '1'
        $result.MaxSurge | Should -Be '0'
        $result.RolloutTriggered | Should -BeFalse
        $after = Get-LiveObject ds/todo-proxy $ns
        $after.spec.minReadySeconds | Should -Be 90
        ($after.spec.template | ConvertTo-Json -Depth 30) | Should -Be ($before.spec.template | ConvertTo-Json -Depth 30)
    }

    It 'surges one pod per node when maxUnavailable goes to 0 in the same call' {
        $result = Set-KubeRolloutStrategy ds/todo-proxy -MaxSurge 1 -MaxUnavailable 0

        $result.MaxSurge | Should -Be '1'
        $result.MaxUnavailable | Should -Be '0'
    }

    It 'refuses <Case> with <Id> and changes nothing' -ForEach @(
        @{ Case = 'maxUnavailable next to maxSurge'; Parameters = @{ MaxUnavailable = '1' }; Id = 'StrategyInvalid'
            Message = 'DaemonSet.apps "todo-proxy" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero' }
        @{ Case = 'neither maxSurge nor maxUnavailable'; Parameters = @{ MaxSurge = '0' }; Id = 'StrategyInvalid'
            Message = 'DaemonSet.apps "todo-proxy" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0' }
        @{ Case = 'Recreate'; Parameters = @{ Type = 'Recreate' }; Id = 'StrategyInvalid'
            Message = 'DaemonSet.apps "todo-proxy" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"' }
        @{ Case = 'a progress deadline'; Parameters = @{ ProgressDeadlineSeconds = 60 }; Id = 'StrategySettingNotSupported'
            Message = '-ProgressDeadlineSeconds does not apply to DaemonSets: only Deployments report a progress deadline (unknown field "spec.progressDeadlineSeconds")' }
    ) {
        $before = Get-LiveObject ds/todo-proxy $ns

        Set-KubeRolloutStrategy ds/todo-proxy @Parameters -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,KubeRollout.Cmdlets.SetKubeRolloutStrategyCommand"
        $problems[0].Exception.Message | Should -BeExactly $Message
        Get-Intent (Get-LiveObject ds/todo-proxy $ns) | Should -Be (Get-Intent $before)
    }

    It 'switches to OnDelete and warns' {
        $result = Set-KubeRolloutStrategy ds/todo-proxy -Type OnDelete -WarningAction SilentlyContinue

        $result.Type | Should -Be 'OnDelete'
        $result.Warnings[0] | Should -BeLike 'OnDelete updates no pod by itself*DaemonSets with OnDelete.'
    }

    It 'refuses surge and unavailable while it stays OnDelete, where they would do nothing, and takes them with RollingUpdate' {
        $before = Get-LiveObject ds/todo-proxy $ns

        Set-KubeRolloutStrategy ds/todo-proxy -MaxSurge 1 -MaxUnavailable 0 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'StrategySettingNotSupported,KubeRollout.Cmdlets.SetKubeRolloutStrategyCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].Exception.Message | Should -BeLike '-MaxSurge and -MaxUnavailable do not apply to a DaemonSet with the OnDelete strategy*-Type RollingUpdate*'
        Get-Intent (Get-LiveObject ds/todo-proxy $ns) | Should -Be (Get-Intent $before)

        $result = Set-KubeRolloutStrategy ds/todo-proxy -Type RollingUpdate -MaxSurge 1 -MaxUnavailable 0
        ($result.Type, $result.MaxSurge, $result.MaxUnavailable) | Should -Be @('RollingUpdate', '1', '0')
    }
}
