# Rollouts that cannot finish: pods that never become ready, the progress deadline, automatic rollback.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cluster = New-TestCluster -TimeScale 20 -FailingImage '*:broken'
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }

    function Web([string] $Image, [int] $Deadline = 30) {
        New-ManifestFile @"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  progressDeadlineSeconds: $Deadline
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: $Image
"@
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'A rollout whose pods never become ready' {
    BeforeEach {
        $ns = New-TestNamespace -Cluster $cluster -Prefix fail
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Invoke-KubeRollout (Web 'web:v1') -Wait -Timeout 60 | Out-Null
    }

    It 'fails at the progress deadline with the pods'' state, before the timeout' {
        Invoke-KubeRollout (Web 'web:broken') | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew()

        Wait-KubeRollout web -Timeout 120 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 60 -Because 'a progress deadline of 30 s at time scale 20 passes in 1.5 s'
        $problems[0].FullyQualifiedErrorId | Should -Be 'RolloutFailed,KubeRollout.Cmdlets.WaitKubeRolloutCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        "$($problems[0].TargetObject)" | Should -Be "deployment.apps/web in namespace $ns" -Because 'an error about a cluster object names the object, not its status'
        $problems[0].Exception.Message | Should -Match '^deployment "web" exceeded its progress deadline'
        $problems[0].Exception.Message | Should -Match 'pod web-[a-z0-9]+-[a-z0-9]{5}: (CrashLoopBackOff|Error), \d+ restarts?'
        (Get-KubeRolloutStatus web).State | Should -Be 'Failed'
    }

    It 'rolls back to the previous revision with -RollbackOnFailure and reports both steps' {
        $output = Invoke-KubeRollout (Web 'web:broken') -Wait -Timeout 120 -RollbackOnFailure -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        # The output types live in the module's own load context: they are matched by name.
        $applied = $output | Where-Object { $_.PSObject.TypeNames[0] -eq 'KubeRollout.Core.Apply.ApplyResult' }
        $undo = $output | Where-Object { $_.PSObject.TypeNames[0] -eq 'KubeRollout.Core.Rollouts.UndoResult' }
        $applied.Revision | Should -Be 2
        $undo.ToRevision | Should -Be 1
        $undo.NewRevision | Should -Be 3
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'RolloutRolledBack,*'
        "$($problems[0].TargetObject)" | Should -Be "deployment.apps/web in namespace $ns"
        $problems[0].Exception.Message | Should -Match 'exceeded its progress deadline'
        $problems[0].Exception.Message | Should -Match 'Rolled back to revision 1 \(now revision 3\), which rolled out completely'
        $current = Get-KubeRolloutHistory web | Where-Object IsCurrent
        $current.Images | Should -Be @('web:v1')
        (Get-KubeRolloutStatus web).State | Should -Be 'Complete'
    }

    It 'refuses -RollbackOnFailure without -Wait and changes nothing' {
        { Invoke-KubeRollout (Web 'web:broken') -RollbackOnFailure } | Should -Throw -ErrorId 'RollbackNeedsWait,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'

        (Get-KubeRolloutHistory web).Revision | Should -Be @(1)
    }
}

Describe 'Rollback on failure of a kind without a progress deadline' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix fail-ds
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        function Agent([string] $Image) {
            New-ManifestFile @"
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [ { name: agent, image: "$Image" } ] }
"@
        }
        Invoke-KubeRollout (Agent 'agent:v1') -Wait -Timeout 60s | Out-Null
    }

    It 'rolls a DaemonSet back when the timeout passes before it completes' {
        $output = Invoke-KubeRollout (Agent 'agent:broken') -Wait -Timeout 15s -RollbackOnFailure -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

        $undo = $output | Where-Object { $_.PSObject.TypeNames[0] -eq 'KubeRollout.Core.Rollouts.UndoResult' }
        $undo.ToRevision | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'RolloutRolledBack,*'
        $problems[0].Exception.Message | Should -Match '^timed out waiting for the condition \(15s\): '
        $problems[0].Exception.Message | Should -Match 'Rolled back to revision 1 \(now revision 3\), which rolled out completely'
        "$($warned[0])" | Should -Match 'Rolling daemonset.apps/agent back to the previous revision'
        (Get-KubeRolloutHistory ds/agent | Where-Object IsCurrent).Images | Should -Be @('agent:v1')
    }
}
