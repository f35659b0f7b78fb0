# The seed's scenario (examples/vweb) through the cmdlets, against a sandbox or KUBEROLLOUT_TEST_KUBECONFIG.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $vweb = Get-ExamplePath 'vweb'
    $cluster = New-TestCluster -TimeScale 20
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'The vweb rollout scenario' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix vweb
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
    }

    It 'creates the Deployment as revision 1 and waits for it' {
        $result = Invoke-KubeRollout (Join-Path $vweb 'vweb-v1.0.yaml') -Wait -Timeout 60s

        $result.Action | Should -Be 'Created'
        $result.RolloutTriggered | Should -BeTrue
        $result.Revision | Should -Be 1
        (Get-KubeRolloutStatus vweb).Message | Should -Be 'deployment "vweb" successfully rolled out'
    }

    It 're-applying an unchanged file changes nothing and makes no revision' {
        $result = Invoke-KubeRollout (Join-Path $vweb 'vweb-v1.0.yaml')

        $result.Action | Should -Be 'Unchanged'
        $result.RolloutTriggered | Should -BeFalse
        @(Get-KubeRolloutHistory vweb).Count | Should -Be 1
    }

    It 'rolls out v1.1 with the change cause of its manifest on the new revision only' {
        $result = Invoke-KubeRollout (Join-Path $vweb 'update/vweb-v1.1.yaml') -Wait -Timeout 60s

        $result.Action | Should -Be 'Configured'
        $result.RolloutTriggered | Should -BeTrue
        $result.Revision | Should -Be 2
        $history = Get-KubeRolloutHistory vweb
        $history.Revision | Should -Be @(1, 2)
        $history[0].ChangeCause | Should -BeNullOrEmpty
        $history[1].ChangeCause | Should -Be 'vweb 1.1: version label v1.1'
        $history[1].IsCurrent | Should -BeTrue
    }

    It 'records the command line with -Record, and never leaves a stale cause on a later revision' {
        $result = Invoke-KubeRollout -Path (Join-Path $vweb 'update/vweb-v2.0.yaml') -Record
        Wait-KubeRollout vweb -Timeout 60s | Out-Null

        $result.Revision | Should -Be 3
        $history = Get-KubeRolloutHistory vweb
        $history[2].ChangeCause | Should -BeLike 'Invoke-KubeRollout -Path *vweb-v2.0.yaml -Record'
        $history[2].Images | Should -Be @('nginx:1.27-alpine')
    }

    It 'times out after 2 s with kubectl''s message when a rollout cannot finish that fast' {
        # minReadySeconds 30 (1.5 s of wall time at time scale 20): no new pod is available within the timeout.
        $slow = New-ManifestFile ((Get-Content (Join-Path $vweb 'update/vweb-v2.0.yaml') -Raw) -replace 'version: v2\.0', 'version: v2.0-slow' -replace 'replicas: 3', "replicas: 3`n  minReadySeconds: 30")
        Invoke-KubeRollout $slow | Out-Null

        $status = Wait-KubeRollout vweb -Timeout '500ms' -ErrorVariable problems -ErrorAction SilentlyContinue

        $status | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'RolloutTimeout,KubeRollout.Cmdlets.WaitKubeRolloutCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $problems[0].Exception.Message | Should -BeLike 'timed out waiting for the condition*Waiting for deployment "vweb" rollout to finish*'
        Wait-KubeRollout vweb -Timeout 60s | Should -Not -BeNullOrEmpty
        Wait-KubeRollout vweb -Timeout '00:01:00' | Should -Not -BeNullOrEmpty -Because 'PowerShell users write a TimeSpan as text too'
    }

    It 'shows the template change with -WhatIf and changes nothing' {
        $before = Get-KubeRolloutHistory vweb

        # What-if messages go to the host: a transcript records them.
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "whatif-$([guid]::NewGuid()).txt"
        Start-Transcript -Path $transcript | Out-Null
        Undo-KubeRollout vweb -ToRevision 2 -WhatIf
        Stop-Transcript | Out-Null
        $whatIf = Get-Content $transcript -Raw

        $whatIf | Should -Match 'roll back from revision 4 to revision 2'
        $whatIf | Should -Match 'spec\.containers\[web\]\.image: nginx:1\.27-alpine -> nginx:1\.26-alpine'
        (Get-KubeRolloutHistory vweb).Revision | Should -Be $before.Revision
        (Get-KubeRolloutStatus vweb).Revision | Should -Be 4
    }

    It 'undoes to revision 2, which becomes the newest revision' {
        $result = Undo-KubeRollout vweb -ToRevision 2

        $result.Message | Should -Be 'rolled back'
        $result.FromRevision | Should -Be 4
        $result.ToRevision | Should -Be 2
        $result.NewRevision | Should -Be 5
        Wait-KubeRollout vweb -Timeout 60s | Out-Null
        $history = Get-KubeRolloutHistory vweb
        $history.Revision | Should -Be @(1, 3, 4, 5)
        $history[-1].ChangeCause | Should -Be 'vweb 1.1: version label v1.1'
        $history[-1].PreviousRevisions | Should -Be @(2)
    }

    It 'undoes to the previous revision and toggles on a second undo' {
        (Undo-KubeRollout vweb).ToRevision | Should -Be 4
        Wait-KubeRollout vweb -Timeout 60s | Out-Null
        (Undo-KubeRollout vweb).ToRevision | Should -Be 5
        Wait-KubeRollout vweb -Timeout 60s | Out-Null

        (Get-KubeRolloutHistory vweb).Revision | Should -Be @(1, 3, 6, 7)
    }

    It 'undoes to the revision picked from the history by its change cause' {
        $result = Get-KubeRolloutHistory vweb | Where-Object ChangeCause -like '*-Record' | Undo-KubeRollout

        $result.ToRevision | Should -Be 3
        Wait-KubeRollout vweb -Timeout 60s | Out-Null
        (Get-KubeRolloutHistory vweb | Where-Object IsCurrent).Images | Should -Be @('nginx:1.27-alpine')
    }

    It 'undoes a status piped from Get-KubeRolloutStatus to the previous revision, not to its current one' {
        $before = Get-KubeRolloutHistory vweb
        $status = Get-KubeRolloutStatus vweb
        $status.Revision | Should -Be $before[-1].Revision

        $result = $status | Undo-KubeRollout

        $result.Skipped | Should -BeFalse
        $result.ToRevision | Should -Be $before[-2].Revision
        Wait-KubeRollout vweb -Timeout 60s | Out-Null
    }

    It 'pauses, refuses to undo while paused, and resumes' {
        (Suspend-KubeRollout vweb).Message | Should -Be 'deployment.apps/vweb paused'
        Suspend-KubeRollout vweb -ErrorVariable again -ErrorAction SilentlyContinue
        $again[0].FullyQualifiedErrorId | Should -BeLike 'DeploymentAlreadyPaused,*'
        $again[0].Exception.Message | Should -Be "deployments.apps `"vweb`" is already paused"

        Undo-KubeRollout vweb -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'DeploymentPaused,*'
        $refused[0].Exception.Message | Should -Be "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"
        $refused[0].ErrorDetails.RecommendedAction | Should -Be "Resume it with Resume-KubeRollout -Name vweb -Namespace $ns, then run Undo-KubeRollout again."
        "$($refused[0])" | Should -Be "$($refused[0].Exception.Message)$([Environment]::NewLine)$($refused[0].ErrorDetails.RecommendedAction)" -Because 'the displayed error names the cmdlet to run'
        Restart-KubeRollout vweb -ErrorVariable restartRefused -ErrorAction SilentlyContinue
        $restartRefused[0].Exception.Message | Should -Be "can't restart paused deployment (run rollout resume first)"
        $restartRefused[0].ErrorDetails.RecommendedAction | Should -Be "Resume it with Resume-KubeRollout -Name vweb -Namespace $ns, then run Restart-KubeRollout again."

        (Resume-KubeRollout vweb).Message | Should -Be 'deployment.apps/vweb resumed'
        Resume-KubeRollout vweb -ErrorVariable notPaused -ErrorAction SilentlyContinue
        $notPaused[0].Exception.Message | Should -Be "deployments.apps `"vweb`" is not paused"
    }

    It 'restarts with a new revision of the same images' {
        $before = (Get-KubeRolloutStatus vweb).Revision
        $result = Restart-KubeRollout vweb

        $result.Message | Should -Be 'deployment.apps/vweb restarted'
        Wait-KubeRollout vweb -Timeout 60s | Out-Null
        $current = Get-KubeRolloutHistory vweb | Where-Object IsCurrent
        $current.Revision | Should -BeGreaterThan $before
        $current.PodTemplate.Metadata.Annotations['kubectl.kubernetes.io/restartedAt'] | Should -Not -BeNullOrEmpty
    }
}

Describe 'Applying after an undo' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix stale
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        function Deployment([string] $Image, [string] $Env) {
            $envBlock = if ($Env) { "`n          env:`n            - name: MODE`n              value: $Env" } else { '' }
            New-ManifestFile @"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: app
          image: $Image$envBlock
"@
        }
    }

    It 'does not resurrect fields of the revision that was undone' {
        Invoke-KubeRollout (Deployment 'app:v1' 'legacy') -Wait -Timeout 60s | Out-Null
        Invoke-KubeRollout (Deployment 'app:v2' '') -Wait -Timeout 60s | Out-Null
        Undo-KubeRollout app | Out-Null
        Wait-KubeRollout app -Timeout 60s | Out-Null
        (Get-KubeRolloutHistory app | Where-Object IsCurrent).PodTemplate.Spec.Containers[0].Env.Name | Should -Be 'MODE'

        Invoke-KubeRollout (Deployment 'app:v3' '') -Wait -Timeout 60s | Out-Null

        $template = (Get-KubeRolloutHistory app | Where-Object IsCurrent).PodTemplate
        $template.Spec.Containers[0].Image | Should -Be 'app:v3'
        $template.Spec.Containers[0].Env | Should -BeNullOrEmpty
    }

    It 'applies to a paused Deployment without waiting for the revision its controller gives only once resumed' {
        function Paused([string] $Image) {
            New-ManifestFile @"
apiVersion: apps/v1
kind: Deployment
metadata: { name: paused-app }
spec:
  replicas: 1
  selector: { matchLabels: { app: paused-app } }
  template:
    metadata: { labels: { app: paused-app } }
    spec: { containers: [ { name: app, image: "$Image" } ] }
"@
        }
        Invoke-KubeRollout (Paused 'app:v1') -Wait -Timeout 60s | Out-Null
        Suspend-KubeRollout paused-app | Out-Null
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $result = Invoke-KubeRollout (Paused 'app:v2')

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'the wait for a new revision (15 s at most) ends once the controller has seen the write'
        $result.RolloutTriggered | Should -BeTrue
        $result.Revision | Should -BeNullOrEmpty -Because 'the new template has no revision while the Deployment is paused'
        Resume-KubeRollout paused-app | Out-Null
        Wait-KubeRollout paused-app -Timeout 60s | Out-Null
        (Get-KubeRolloutHistory paused-app | Where-Object IsCurrent).Revision | Should -Be 2
    }

    It 'does not resurrect fields of a revision kubectl applied between the module''s applies, undone with <Undo>' -ForEach @(
        @{ Undo = 'Undo-KubeRollout'; Name = 'mixed-module' }
        @{ Undo = 'kubectl rollout undo'; Name = 'mixed-kubectl' }
    ) {
        # Version N sets the image app:vN and one env var, VN, that no other version sets.
        function Version([int] $Number) {
            New-ManifestFile @"
apiVersion: apps/v1
kind: Deployment
metadata: { name: $Name }
spec:
  replicas: 1
  selector: { matchLabels: { app: $Name } }
  template:
    metadata: { labels: { app: $Name } }
    spec:
      containers:
        - { name: app, image: "app:v$Number", env: [ { name: V$Number, value: "x" } ] }
"@
        }
        function Get-CurrentEnv { (Get-KubeRolloutHistory $Name | Where-Object IsCurrent).PodTemplate.Spec.Containers[0].Env.Name }

        Invoke-KubeRollout (Version 1) -Wait -Timeout 60s | Out-Null
        (Invoke-Kubectl -Cluster $cluster apply -n $ns -f (Version 2)).ExitCode | Should -Be 0
        Wait-KubeRollout $Name -Timeout 60s | Out-Null
        Invoke-KubeRollout (Version 3) -Wait -Timeout 60s | Out-Null
        if ($Undo -eq 'Undo-KubeRollout') { Undo-KubeRollout $Name | Out-Null }
        else { (Invoke-Kubectl -Cluster $cluster rollout undo "deployment/$Name" -n $ns).ExitCode | Should -Be 0 }
        Wait-KubeRollout $Name -Timeout 60s | Out-Null
        Get-CurrentEnv | Should -Be 'V2'

        $reapplied = Invoke-KubeRollout (Version 3) -Wait -Timeout 60s

        @($reapplied.Changes | Where-Object { "$($_.Kind)" -eq 'Removed' -and $_.Field -like '*containers`[app`].env`[V2`]*' }) | Should -Not -BeNullOrEmpty -Because 'the apply shows V2 going'
        Get-CurrentEnv | Should -Be 'V3'
    }
}

Describe 'Bad input changes nothing' {
    BeforeAll {
        $ns = New-TestNamespace -Cluster $cluster -Prefix bad
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
    }

    It 'applies nothing of a file whose third document is invalid' {
        $file = New-ManifestFile @"
apiVersion: v1
kind: ConfigMap
metadata:
  name: first
---
apiVersion: v1
kind: Service
metadata:
  name: second
spec:
  ports:
    - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: third
spec:
  selector:
    matchLabels:
      app: third
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
        - name: c
          image: nginx
"@
        Invoke-KubeRollout $file -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ManifestInvalid,*'
        (Invoke-Kubectl -Cluster $cluster -n $ns get configmap first).ExitCode | Should -Not -Be 0
        (Invoke-Kubectl -Cluster $cluster -n $ns get service second).ExitCode | Should -Not -Be 0
    }

    It 'reports a missing file, unparsable YAML, an unknown kind and a missing name with stable ids' -ForEach @(
        @{ Yaml = $null; Id = 'ManifestFileNotFound' }
        @{ Yaml = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: [x`n"; Id = 'ManifestYamlInvalid' }
        @{ Yaml = "apiVersion: v1`nkind: Gizmo`nmetadata:`n  name: x`n"; Id = 'ManifestKindUnknown' }
        @{ Yaml = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  labels: {}`n"; Id = 'ManifestNameMissing' }
    ) {
        $path = if ($Yaml) { New-ManifestFile $Yaml } else { Join-Path ([IO.Path]::GetTempPath()) 'no-such-manifest.yaml' }
        Invoke-KubeRollout -LiteralPath $path -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
    }

    It 'reports a Deployment that does not exist as kubectl does' {
        Get-KubeRolloutHistory nothing-here -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -Be 'WorkloadNotFound,KubeRollout.Cmdlets.GetKubeRolloutHistoryCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].Exception.Message | Should -Be 'deployments.apps "nothing-here" not found'
    }

    It 'refuses a revision that is not in the history, or negative' {
        Invoke-KubeRollout (Join-Path $vweb 'vweb-v1.0.yaml') -Wait -Timeout 60s | Out-Null

        Undo-KubeRollout vweb -ToRevision 9 -ErrorVariable missing -ErrorAction SilentlyContinue
        Undo-KubeRollout vweb -ToRevision -1 -ErrorVariable negative -ErrorAction SilentlyContinue
        Undo-KubeRollout vweb -ErrorVariable none -ErrorAction SilentlyContinue

        $missing[0].Exception.Message | Should -Be 'unable to find specified revision 9 in history'
        $negative[0].Exception.Message | Should -Be 'unable to find specified revision -1 in history'
        $none[0].FullyQualifiedErrorId | Should -BeLike 'NoRolloutHistory,*'
        (Get-KubeRolloutHistory vweb).Revision | Should -Be @(1)
    }

    It 'reports an unreachable server without secrets' {
        $config = Get-Content $cluster.KubeConfig -Raw
        $token = [regex]::Match($config, 'token:\s*(\S+)').Groups[1].Value
        $unreachable = New-ManifestFile ($config -replace 'https://127\.0\.0\.1:\d+', 'https://127.0.0.1:1') -Name kubeconfig

        $output = Get-KubeRolloutStatus vweb -KubeConfig $unreachable -ErrorVariable problems -ErrorAction SilentlyContinue -Verbose 4>&1 | Out-String

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ClusterUnreachable,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $token | Should -Not -BeNullOrEmpty
        "$output $($problems[0].Exception.Message)" | Should -Not -Match ([regex]::Escape($token))
    }

    It 'reports a token the cluster refuses without showing it' {
        $config = Get-Content $cluster.KubeConfig -Raw
        $wrong = 'expired-token-0123456789abcdef'
        $expired = New-ManifestFile ([regex]::Replace($config, '(token:\s*)\S+', "`${1}$wrong")) -Name kubeconfig

        $output = Get-KubeRolloutStatus vweb -KubeConfig $expired -ErrorVariable problems -ErrorAction SilentlyContinue -Verbose 4>&1 | Out-String

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KubeApiUnauthorized,*'
        $problems[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $problems[0].Exception.Message | Should -Match 'refused the credentials'
        "$output $($problems[0].Exception.Message)" | Should -Not -Match $wrong
    }
}
