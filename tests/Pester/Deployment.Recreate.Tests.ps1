# Recreate rollouts (issue 15, item 9; examples/vweb and examples/vweb-strategies): an apply that rolls a Deployment out
# with Recreate warns that the application will be down, whether the manifest or Set-KubeRolloutStrategy chose
# Recreate, in -WhatIf too; a Recreate rollout that fails or runs out of time names the failing pods' state, as a
# RollingUpdate does. Against a sandbox over HTTPS.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cluster = New-TestCluster -TimeScale 20 -FailingImage '*:broken'
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }
    $vweb = Get-ExamplePath 'vweb'
    $strategies = Get-ExamplePath 'vweb-strategies'
    $downtime = 'deployment/vweb rolls out with the Recreate strategy: all 2 of its pods are stopped before any new one starts, so the application is down until the new pods are ready.'

    # An example with its progress deadline shortened to 30 s (1.5 s at this time scale).
    function New-ShortDeadline([string] $Path) {
        New-ManifestFile ((Get-Content $Path -Raw) -replace '(?m)^spec:$', "spec:`n  progressDeadlineSeconds: 30") -Name (Split-Path $Path -Leaf)
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'A Recreate rollout' {
    BeforeEach {
        $ns = New-TestNamespace -Cluster $cluster -Prefix recreate
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Invoke-KubeRollout (Join-Path $vweb 'vweb-v1.0.yaml') -Wait -Timeout 60s | Out-Null
    }

    It 'warns, in -WhatIf too, that the application is down while a manifest rolls out with Recreate' {
        $whatIf = Get-HostText { Invoke-KubeRollout (Join-Path $strategies 'vweb-recreate-v2.0.yaml') -WhatIf }
        $result = Invoke-KubeRollout (Join-Path $strategies 'vweb-recreate-v2.0.yaml') -WarningVariable warnings -WarningAction SilentlyContinue

        $whatIf | Should -Match ([regex]::Escape($downtime))
        $result.RolloutTriggered | Should -BeTrue
        @($warnings.Message) | Should -Be @($downtime)
    }

    It 'warns when Set-KubeRolloutStrategy chose Recreate and a manifest that sets no strategy rolls out' {
        Set-KubeRolloutStrategy vweb -Type Recreate -WarningVariable strategyWarnings -WarningAction SilentlyContinue | Out-Null

        $result = Invoke-KubeRollout (Join-Path $vweb 'update/vweb-v2.0.yaml') -WarningVariable warnings -WarningAction SilentlyContinue

        @($strategyWarnings.Message) | Should -Be @('Recreate stops every old pod before it starts any new one: the application is down from the start of each rollout until the new pods are ready.')
        $result.RolloutTriggered | Should -BeTrue
        @($warnings.Message) | Should -Be @($downtime)
    }

    It 'warns about the next rollouts when a manifest switches to Recreate without rolling out' {
        $sameTemplate = New-ManifestFile ((Get-Content (Join-Path $vweb 'vweb-v1.0.yaml') -Raw) -replace '(?m)^  replicas: 2$', "  replicas: 2`n  strategy:`n    type: Recreate") -Name vweb-v1.0-recreate.yaml

        $result = Invoke-KubeRollout $sameTemplate -WarningVariable warnings -WarningAction SilentlyContinue

        $result.RolloutTriggered | Should -BeFalse
        @($warnings.Message) | Should -Be @('deployment/vweb now uses the Recreate strategy. Recreate stops every old pod before it starts any new one: the application is down from the start of each rollout until the new pods are ready.')
    }

    It 'warns when a restart or an undo rolls the Deployment out with Recreate, and -WhatIf of the undo too' {
        Invoke-KubeRollout (Join-Path $strategies 'vweb-recreate-v2.0.yaml') -Wait -Timeout 60s -WarningAction SilentlyContinue | Out-Null
        $recreated = $downtime -replace 'all 2', 'all 3'

        Restart-KubeRollout vweb -WarningVariable restartWarnings -WarningAction SilentlyContinue | Out-Null
        Wait-KubeRollout vweb -Timeout 60s | Out-Null
        Undo-KubeRollout vweb -WhatIf -WarningVariable whatIfWarnings -WarningAction SilentlyContinue
        $undo = Undo-KubeRollout vweb -WarningVariable undoWarnings -WarningAction SilentlyContinue

        @($restartWarnings.Message) | Should -Be @($recreated)
        @($whatIfWarnings.Message) | Should -Be @($recreated)
        $undo.ToRevision | Should -Be 2
        @($undoWarnings.Message) | Should -Be @($recreated)
    }

    It 'does not warn about a RollingUpdate rollout' {
        Invoke-KubeRollout (Join-Path $vweb 'update/vweb-v2.0.yaml') -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        $warnings | Should -BeNullOrEmpty
    }

    It 'names the failing pods'' state when it fails at its progress deadline' {
        $watch = [Diagnostics.Stopwatch]::StartNew()

        Invoke-KubeRollout (New-ShortDeadline (Join-Path $strategies 'vweb-recreate-v2.1-broken.yaml')) -Wait -Timeout 120s -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 60
        $problems[0].FullyQualifiedErrorId | Should -Be 'RolloutFailed,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        $lines = $problems[0].Exception.Message -split [Environment]::NewLine
        $lines[0] | Should -Be 'deployment "vweb" exceeded its progress deadline'
        $pods = @($lines | Select-Object -Skip 1)
        $pods | ForEach-Object { $_ | Should -Match '^  pod vweb-[a-z0-9]+-[a-z0-9]{5}: ' }
        @($pods -match ': (CrashLoopBackOff|Error), \d+ restarts?') | Should -Not -BeNullOrEmpty -Because 'the new pods crash in a loop'
        (Get-KubeRolloutStatus vweb).AvailableReplicas | Should -Be 0 -Because 'Recreate stopped every old pod'

    }

    It 'names the pods'' state when the wait runs out of time, as for a RollingUpdate' -ForEach @(
        @{ Strategy = 'Recreate'; File = 'vweb-recreate-v2.1-broken.yaml' }
        @{ Strategy = 'RollingUpdate'; File = 'vweb-rolling-v2.1-broken.yaml' }
    ) {
        Invoke-KubeRollout (Join-Path $strategies $File) -Wait -Timeout 4s -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null

        $problems[0].FullyQualifiedErrorId | Should -Be 'RolloutTimeout,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        $problems[0].Exception.Message | Should -Match '^timed out waiting for the condition \(4s\): Waiting for deployment "vweb" rollout to finish'
        $problems[0].Exception.Message | Should -Match '(?m)^  pod vweb-[a-z0-9]+-[a-z0-9]{5}: '
    }
}
