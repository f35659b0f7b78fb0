# Apply safety (issue 10): the apply keeps what others wrote, survives hostile files, undoes a failed apply,
# shows no Secret value, and reads kubeconfigs as kubectl does. Against a sandbox over HTTPS, with the real kubectl.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cluster = New-TestCluster -TimeScale 20
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }

    function Kubectl { Invoke-Kubectl -Cluster $cluster -n $ns @args }
    function Assert-Ok($Result) { $Result.ExitCode | Should -Be 0 -Because $Result.Error; $Result }
    function Get-Live([string] $Resource) { (Assert-Ok (Kubectl get $Resource -o json)).Output | ConvertFrom-Json -AsHashtable }

    function Web([string] $Image = 'web:v1', [string] $Extra = '') {
        New-ManifestFile @"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: $Image
        ports:
        - containerPort: 80$Extra
"@
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'What others wrote survives an apply (item 1)' {
    BeforeEach {
        $ns = New-TestNamespace -Cluster $cluster -Prefix keep
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
    }

    It 'keeps an annotation kubectl added after kubectl applied the same manifest' {
        $file = Web
        Assert-Ok (Kubectl apply -f $file) | Out-Null
        Assert-Ok (Kubectl annotate deploy web team.example.com/owner=payments) | Out-Null

        (Invoke-KubeRollout $file).Action | Should -Be 'Unchanged' -Because 'kubectl''s record says what the manifest says'
        (Invoke-KubeRollout (Web -Image web:v2)).Action | Should -Be 'Configured'

        $live = Get-Live deploy/web
        $live.metadata.annotations['team.example.com/owner'] | Should -Be 'payments'
        $live.metadata.annotations['kuberollout.io/last-applied-configuration'] | Should -Not -BeNullOrEmpty
        (Invoke-KubeRollout (Web -Image web:v2)).Action | Should -Be 'Unchanged'
    }

    It 'leaves kubectl nothing to change after applying the same manifests, and finds nothing to change after kubectl' {
        $first = New-ManifestFile @"
apiVersion: apps/v1
kind: Deployment
metadata: {name: mixed, annotations: {owner: "R&D <platform>"}}
spec:
  replicas: 1
  selector: {matchLabels: {app: mixed}}
  template:
    metadata: {labels: {app: mixed}}
    spec:
      containers: [{name: app, image: "mixed:v1", resources: {limits: {memory: 64Mi}}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: mixed}
data: {greeting: "héllo\twörld", zeta: "1", alpha: "2"}
---
apiVersion: v1
kind: Service
metadata: {name: mixed}
spec: {selector: {app: mixed}, ports: [{port: 80, targetPort: 8080}]}
"@
        $second = New-ManifestFile ((Get-Content $first -Raw) -replace 'mixed:v1', 'mixed:v2' -replace 'memory: 64Mi', 'memory: 64Mi, cpu: 2')

        Invoke-KubeRollout $first | Out-Null
        (Assert-Ok (Kubectl apply -f $first)).Output | Should -Be (@('deployment.apps/mixed unchanged', 'configmap/mixed unchanged', 'service/mixed unchanged') -join "`n")

        (Assert-Ok (Kubectl apply -f $second)).Output | Should -Be (@('deployment.apps/mixed configured', 'configmap/mixed unchanged', 'service/mixed unchanged') -join "`n")
        (Invoke-KubeRollout $second | Where-Object Kind -eq Deployment).Action | Should -Be 'Configured' -Because 'its own record still says what it applied before kubectl'
        (Invoke-KubeRollout $second).Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')

        $ns = New-TestNamespace -Cluster $cluster -Prefix kubectl-first
        Assert-Ok (Kubectl apply -f $second) | Out-Null
        (Invoke-KubeRollout $second -Namespace $ns).Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged') -Because 'kubectl''s record of cpu: 2 as a number says what the manifest says'
    }

    It 'keeps list items, labels and ports others added, and removes only what the last apply set' {
        $file = Web -Extra "`n        env:`n        - {name: MODE, value: blue}`n        - {name: KEEP, value: 'yes'}"
        Invoke-KubeRollout $file | Out-Null
        Assert-Ok (Kubectl label deploy web team=blue) | Out-Null
        Assert-Ok (Kubectl patch deploy web --type=strategic -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"INJECTED","value":"1"}],"ports":[{"containerPort":9090,"name":"metrics"}]}]}}}}') | Out-Null

        Invoke-KubeRollout (Web -Extra "`n        env:`n        - {name: KEEP, value: 'yes'}") | Out-Null

        $live = Get-Live deploy/web
        $container = $live.spec.template.spec.containers[0]
        $container.env.name | Sort-Object | Should -Be @('INJECTED', 'KEEP')
        $container.ports.containerPort | Sort-Object | Should -Be @(80, 9090)
        $live.metadata.labels['team'] | Should -Be 'blue'
    }

    It 'removes an annotation the manifest stops setting and keeps the others' {
        $annotated = New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: cfg`n  annotations: {mine: 'yes'}`ndata: {a: '1'}`n"
        Invoke-KubeRollout $annotated | Out-Null
        Assert-Ok (Kubectl annotate configmap cfg theirs=kept) | Out-Null

        Invoke-KubeRollout (New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: cfg`ndata: {a: '1'}`n") | Out-Null

        $annotations = (Get-Live configmap/cfg).metadata.annotations
        $annotations.ContainsKey('mine') | Should -BeFalse
        $annotations['theirs'] | Should -Be 'kept'
    }

    It 'gives the same object as kubectl apply for the same sequence of manifests and outside changes' {
        $viaKubectl = $ns
        $viaModule = New-TestNamespace -Cluster $cluster -Prefix module
        # The second manifest mounts the ConfigMap cfg, which the namespace of kubectl has from the test before: the
        # module refuses a workload whose ConfigMap exists nowhere, so its namespace gets one too.
        Assert-Ok (Invoke-Kubectl -Cluster $cluster -n $viaModule create configmap cfg --from-literal=a=1) | Out-Null
        $first = Web -Extra "`n        env:`n        - {name: A, value: '1'}`n        volumeMounts:`n        - {name: data, mountPath: /data}`n      volumes:`n      - name: data`n        emptyDir: {}"
        $second = Web -Image 'web:v2' -Extra "`n        env:`n        - {name: B, value: '2'}`n      volumes:`n      - name: data`n        configMap: {name: cfg}"
        $outside = '{"metadata":{"annotations":{"other":"x"}},"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"OTHER","value":"o"}]}]}}}}'
        foreach ($namespace in $viaKubectl, $viaModule) {
            if ($namespace -eq $viaKubectl) { Assert-Ok (Invoke-Kubectl -Cluster $cluster -n $namespace apply -f $first) | Out-Null }
            else { Invoke-KubeRollout $first -Namespace $namespace | Out-Null }
            Assert-Ok (Invoke-Kubectl -Cluster $cluster -n $namespace patch deploy web --type=strategic -p $outside) | Out-Null
            if ($namespace -eq $viaKubectl) { Assert-Ok (Invoke-Kubectl -Cluster $cluster -n $namespace apply -f $second) | Out-Null }
            else { Invoke-KubeRollout $second -Namespace $namespace | Out-Null }
        }

        $views = foreach ($namespace in $viaKubectl, $viaModule) {
            $live = (Invoke-Kubectl -Cluster $cluster -n $namespace get deploy web -o json).Output | ConvertFrom-Json -AsHashtable
            $annotations = $live.metadata.annotations
            @{
                Annotations = ($annotations.Keys | Where-Object { $_ -notlike '*last-applied-configuration' -and $_ -ne 'deployment.kubernetes.io/revision' } | Sort-Object) -join ','
                Template    = $live.spec.template | ConvertTo-Json -Depth 20 -Compress
            }
        }
        $views[1].Annotations | Should -Be $views[0].Annotations
        $views[1].Template | Should -Be $views[0].Template
        $views[1].Template | Should -Match '"name":"OTHER"'
        $views[1].Template | Should -Not -Match '"name":"A"'
        $views[1].Template | Should -Not -Match 'emptyDir'
    }
}

Describe 'Hostile files fail with their location, not the session (items 2 and 6)' {
    It 'refuses a 40,000-level nested file quickly, naming file and line' {
        $file = New-ManifestFile ("apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: deep`ndata: " + ('[' * 40000) + (']' * 40000))
        $watch = [Diagnostics.Stopwatch]::StartNew()

        Get-KubeManifest $file -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $problems[0].FullyQualifiedErrorId | Should -Be 'ManifestTooDeep,KubeRollout.Cmdlets.GetKubeManifestCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].Exception.Message | Should -BeLike "$file`:5 (document 1): the document nests deeper than 64 levels*"
    }

    It 'refuses an alias bomb without expanding it' {
        $bomb = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: bomb`nx: &a0 [lol]`n" + ((1..9 | ForEach-Object { $n = $_; "a$n`: &a$n [" + ((1..9 | ForEach-Object { "*a$($n - 1)" }) -join ',') + ']' }) -join "`n")
        $file = New-ManifestFile $bomb
        (Get-Item $file).Length | Should -BeLessThan 1000
        $before = [GC]::GetTotalMemory($false)

        Invoke-KubeRollout $file -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'ManifestTooLarge,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        ([GC]::GetTotalMemory($false) - $before) | Should -BeLessThan 200MB
    }

    It 'reports a malformed flow mapping and still reads the other files of a -Recurse folder' {
        $folder = Split-Path (New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: good}`ndata: {a: '1'}`n" -Name 'a-good.yaml')
        Set-Content (Join-Path $folder 'b-bad.yaml') '{apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {a: 1, }, }, }'
        New-Item -ItemType Directory (Join-Path $folder 'sub') | Out-Null
        Set-Content (Join-Path $folder 'sub/c-good.yaml') "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: good2}`n"

        $objects = Get-KubeManifest $folder -Recurse -ErrorVariable problems -ErrorAction SilentlyContinue

        $objects.Name | Should -Be @('good', 'good2')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ManifestYamlInvalid,*'
        $problems[0].Exception.Message | Should -BeLike '*b-bad.yaml*'
    }
}

Describe 'A plan refuses inputs it cannot hold (item 3)' {
    It 'refuses 100,000,000 replicas at once' {
        $watch = [Diagnostics.Stopwatch]::StartNew()

        Get-KubeRolloutPlan -Replicas 100000000 -MaxSurge 1 -MaxUnavailable 0 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $problems[0].FullyQualifiedErrorId | Should -Be 'PlanTooLarge,KubeRollout.Cmdlets.GetKubeRolloutPlanCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }
}

Describe 'A lost connection while waiting (item 4)' {
    It 'is ClusterUnreachable with category ConnectionError' {
        $doomed = Start-KubeSandbox -TimeScale 1
        try {
            $slow = New-ManifestFile "apiVersion: apps/v1`nkind: Deployment`nmetadata: {name: slow}`nspec:`n  replicas: 2`n  minReadySeconds: 3600`n  progressDeadlineSeconds: 7200`n  selector: {matchLabels: {app: slow}}`n  template:`n    metadata: {labels: {app: slow}}`n    spec:`n      containers: [{name: web, image: web:v1}]`n"
            Invoke-KubeRollout $slow -KubeConfig $doomed.KubeConfig -Namespace default | Out-Null
            $sandboxProcess = $doomed.ProcessId
            $killer = Start-ThreadJob -ScriptBlock { Start-Sleep -Seconds 3; Stop-Process -Id $using:sandboxProcess -Force }

            Wait-KubeRollout slow -KubeConfig $doomed.KubeConfig -Namespace default -Timeout 120 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $killer | Wait-Job | Remove-Job
            $problems[0].FullyQualifiedErrorId | Should -Be 'ClusterUnreachable,KubeRollout.Cmdlets.WaitKubeRolloutCommand'
            $problems[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        }
        finally {
            $doomed | Stop-KubeSandbox -Remove -ErrorAction SilentlyContinue
        }
    }

    It 'says that a wait without -Timeout has no limit' {
        $ns = New-TestNamespace -Cluster $cluster -Prefix wait
        Invoke-KubeRollout (Web) -Namespace $ns -Wait -Timeout 60 | Out-Null

        $verbose = Wait-KubeRollout web -Namespace $ns -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }

        $verbose.Message | Should -Contain 'Waiting without a time limit, as kubectl rollout status does: use -Timeout to set one; Ctrl+C stops the wait.'
    }
}

Describe 'Invoke-KubeRollout -Wait after a change without a rollout' {
    It 'returns once the controller observed the change' {
        $ns = New-TestNamespace -Cluster $cluster -Prefix observe
        Invoke-KubeRollout (Web) -Namespace $ns -Wait -Timeout 60 | Out-Null
        $recreate = (Get-Content (Web) -Raw) -replace 'replicas: 1', "replicas: 1`n  strategy: {type: Recreate}"

        $result = Invoke-KubeRollout (New-ManifestFile $recreate) -Namespace $ns -Wait -Timeout 60

        $result.Action | Should -Be 'Configured'
        $result.RolloutTriggered | Should -BeFalse
        $status = Get-KubeRolloutStatus web -Namespace $ns
        $status.ObservedGeneration | Should -Be $status.Generation
        $status.State | Should -Be 'Complete'
    }
}

Describe 'A failed apply undoes what it wrote (item 5)' {
    It 'deletes the namespace and objects it created, restores what it changed, and says so' {
        $ns = New-TestNamespace -Cluster $cluster -Prefix undo
        $fresh = "undo-new-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        Invoke-KubeRollout (New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: existing}`ndata: {k: old}`n") -Namespace $ns | Out-Null
        $file = New-ManifestFile @"
apiVersion: v1
kind: Namespace
metadata: {name: $fresh}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: existing, namespace: $ns}
data: {k: new}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: created, namespace: $fresh}
data: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: refused, namespace: $fresh}
data: {"not a key!": v}
"@

        Invoke-KubeRollout $file -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'ApplyKubeApiInvalid,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        $problems[0].Exception.Message | Should -Match "What this apply had written was undone: deleted configmap/created \(namespace $fresh\), namespace/$fresh; restored configmap/existing \(namespace $ns\)\."
        (Invoke-Kubectl -Cluster $cluster -n $ns get configmap existing -o jsonpath='{.data.k}').Output | Should -Be 'old'
        Wait-Until -Because "namespace $fresh to go" -Condition { (Invoke-Kubectl -Cluster $cluster get namespace $fresh).ExitCode -ne 0 }
    }

    It 'has the server check objects in a namespace the manifests name that already exists, and writes nothing when one is refused' {
        $ns = New-TestNamespace -Cluster $cluster -Prefix named
        Invoke-KubeRollout (New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: existing}`ndata: {k: old}`n") -Namespace $ns | Out-Null
        $before = (Invoke-Kubectl -Cluster $cluster -n $ns get configmap existing -o jsonpath='{.metadata.resourceVersion}').Output
        $file = New-ManifestFile @"
apiVersion: v1
kind: Namespace
metadata: {name: $ns}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: existing, namespace: $ns}
data: {k: new}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: refused, namespace: $ns}
data: {"not a key!": v}
"@

        Invoke-KubeRollout $file -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'ApplyKubeApiInvalid,KubeRollout.Cmdlets.InvokeKubeRolloutCommand'
        $problems[0].Exception.Message | Should -Not -Match 'undone' -Because 'the dry run refused it before anything was written'
        (Invoke-Kubectl -Cluster $cluster -n $ns get configmap existing -o jsonpath='{.data.k}').Output | Should -Be 'old'
        (Invoke-Kubectl -Cluster $cluster -n $ns get configmap existing -o jsonpath='{.metadata.resourceVersion}').Output | Should -Be $before
    }
}

Describe 'No Secret value in an error (item 7)' {
    It 'names a refused Secret by kind, namespace and name only' {
        $ns = New-TestNamespace -Cluster $cluster -Prefix secret
        $file = New-ManifestFile "apiVersion: v1`nkind: Secret`nmetadata: {name: tls}`ntype: kubernetes.io/tls`ndata: {password: c3VwZXJzZWNyZXQ=}`nstringData: {token: plain-token-value}`n"

        Invoke-KubeRollout $file -Namespace $ns -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ApplyKubeApi*'
        $problems[0].TargetObject.ToString() | Should -Be "secret/tls (namespace $ns)"
        $shown = $problems[0] | Get-Error | Out-String -Width 500
        $shown | Should -Not -Match 'c3VwZXJzZWNyZXQ='
        $shown | Should -Not -Match 'plain-token-value'
        $shown | Should -Not -Match 'supersecret'
    }
}

Describe 'Kubeconfigs as kubectl reads them (item 8)' {
    BeforeAll {
        $source = Get-Content $cluster.KubeConfig -Raw
    }

    It 'refuses certificate-authority-data together with insecure-skip-tls-verify with kubectl''s message' {
        $both = New-ManifestFile ($source -replace '(certificate-authority-data:.*)', "`$1`n    insecure-skip-tls-verify: true") -Name 'kubeconfig'
        $kubectlError = (& (Get-KubectlPath) --kubeconfig $both get pods 2>&1) -join "`n"

        $problems = Get-ErrorRecord { Get-KubeRolloutStatus web -KubeConfig $both -Namespace default }

        $kubectlError | Should -Match 'specifying a root certificates file with the insecure flag is not allowed'
        $problems[0].FullyQualifiedErrorId | Should -Be 'KubeConfigInvalid,KubeRollout.Cmdlets.GetKubeRolloutStatusCommand'
        $problems[0].Exception.Message | Should -Match 'specifying a root certificates file with the insecure flag is not allowed'
    }

    It 'merges the files of $KUBECONFIG as kubectl does' {
        $renamed = $source -replace 'kuberollout-sandbox', 'second-context'
        $first = New-ManifestFile ($source -replace 'current-context: .*', '') -Name 'first'
        $second = New-ManifestFile $renamed -Name 'second'
        $saved = $env:KUBECONFIG
        $ns = New-TestNamespace -Cluster $cluster -Prefix merged
        $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
        try {
            $env:KUBECONFIG = "$first$([IO.Path]::PathSeparator)$second"
            $kubectlContext = (& (Get-KubectlPath) config current-context) -join ''

            $applied = Invoke-KubeRollout (New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: merged}`n") -Namespace $ns -Verbose 4>&1

            $kubectlContext | Should -Be 'second-context'
            $connected = ($applied | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -match '^Cluster https://\S+ \(context second-context\), default namespace default\.$'
            $connected | Should -HaveCount 1
            ($applied | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }).Action | Should -Be 'Created'
        }
        finally {
            $env:KUBECONFIG = $saved
            $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
        }
    }
}
