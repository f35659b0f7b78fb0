# A corpus of bad inputs (issue 10): hostile and broken manifest files, parameters and kubeconfigs. Each must end in
# an ErrorRecord with a KubeRollout id (a FullyQualifiedErrorId that does not start with a .NET type name), never
# in a crash or a raw exception, and must leave the cluster as it was (the resourceVersions of every object of the
# test namespace, and the list of namespaces).
BeforeDiscovery {
    $deployment = "apiVersion: apps/v1`nkind: Deployment`nmetadata:`n  name: web`nspec:`n  replicas: 1`n  selector:`n    matchLabels: {app: web}`n  template:`n    metadata:`n      labels: {app: web}`n    spec:`n      containers:`n      - name: web`n        image: web:v1`n"
    $configMap = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: cfg`n"
    $bomb = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: bomb}`nx: &a0 [lol]`n" + ((1..9 | ForEach-Object { $n = $_; "a$n`: &a$n [" + ((1..9 | ForEach-Object { "*a$($n - 1)" }) -join ',') + ']' }) -join "`n")
    $freeForm = "apiVersion: apps/v1`nkind: ControllerRevision`nmetadata: {name: cr}`nrevision: 1`ndata:`n" + ((0..69 | ForEach-Object { (' ' * (2 + 2 * $_)) + "k:" }) -join "`n") + "`n" + (' ' * 142) + "v: 1`n"

    # Manifest files given to Invoke-KubeRollout: (name, text).
    $files = @(
        @{ Case = 'bad indentation'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n name: x`n  labels: {}`n" }
        @{ Case = 'tab indentation'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n`tname: x`n" }
        @{ Case = 'unclosed flow mapping'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: x`n" }
        @{ Case = 'malformed flow mapping'; Text = '{apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {a: 1, }, }, }' }
        @{ Case = 'unterminated quoted string'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: `"x`n" }
        @{ Case = 'undefined alias'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: *nowhere`n" }
        @{ Case = 'duplicate key'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: x`n  name: y`n" }
        @{ Case = '40,000 levels of nesting'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: deep}`ndata: " + ('[' * 40000) + (']' * 40000) }
        @{ Case = 'alias bomb'; Text = $bomb }
        @{ Case = 'free-form field nested past 64 levels'; Text = $freeForm }
        @{ Case = 'binary garbage'; Text = -join ((1..400) | ForEach-Object { [char](Get-Random -Minimum 1 -Maximum 31 -SetSeed $_) }) }
        @{ Case = 'truncated JSON'; Text = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"' }
        @{ Case = 'JSON list of numbers'; Text = '[1, 2, 3]' }
        @{ Case = 'a plain scalar'; Text = 'hello' }
        @{ Case = 'no apiVersion'; Text = "kind: ConfigMap`nmetadata: {name: x}`n" }
        @{ Case = 'no kind'; Text = "apiVersion: v1`nmetadata: {name: x}`n" }
        @{ Case = 'unknown kind'; Text = "apiVersion: v1`nkind: Frobnicator`nmetadata: {name: x}`n" }
        @{ Case = 'wrong apiVersion for the kind'; Text = $deployment -replace 'apps/v1', 'v1' }
        @{ Case = 'no name'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: {labels: {a: b}}`n" }
        @{ Case = 'invalid name'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: Not_A_Name}`n" }
        @{ Case = 'invalid namespace name'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: x, namespace: Bad_NS}`n" }
        @{ Case = 'unknown field'; Text = $deployment -replace 'replicas: 1', 'replica: 1' }
        @{ Case = 'string where a number belongs'; Text = $deployment -replace 'replicas: 1', 'replicas: three' }
        @{ Case = 'list where a mapping belongs'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: [name, x]`n" }
        @{ Case = 'negative replicas'; Text = $deployment -replace 'replicas: 1', 'replicas: -2' }
        @{ Case = 'selector that does not match the template'; Text = $deployment -replace 'matchLabels: \{app: web\}', 'matchLabels: {app: other}' }
        @{ Case = 'maxSurge that is not a number or percentage'; Text = $deployment -replace 'replicas: 1', "replicas: 1`n  strategy: {rollingUpdate: {maxSurge: lots}}" }
        @{ Case = 'maxSurge and maxUnavailable both 0'; Text = $deployment -replace 'replicas: 1', "replicas: 1`n  strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}" }
        @{ Case = 'Recreate with rollingUpdate settings'; Text = $deployment -replace 'replicas: 1', "replicas: 1`n  strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}" }
        @{ Case = 'List with a broken item'; Text = "apiVersion: v1`nkind: List`nitems:`n- apiVersion: v1`n  kind: ConfigMap`n  metadata: {name: ok}`n- apiVersion: v1`n  kind: ConfigMap`n  metadata: {nam: x}`n" }
        @{ Case = 'one good and one broken document'; Text = "$configMap---`napiVersion: v1`nkind: ConfigMap`nmetadata: {name: Bad!}`n" }
        @{ Case = 'container without a name'; Text = $deployment -replace '- name: web', '- name: ""' }
        @{ Case = 'ConfigMap key the server refuses'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: refused}`ndata: {`"not a key!`": v}`n" }
        @{ Case = 'TLS Secret without its keys'; Text = "apiVersion: v1`nkind: Secret`nmetadata: {name: tls}`ntype: kubernetes.io/tls`ndata: {password: c2VjcmV0}`n" }
        @{ Case = 'Service of an unknown type'; Text = "apiVersion: v1`nkind: Service`nmetadata: {name: bogus}`nspec:`n  type: Bogus`n  ports: [{port: 80}]`n" }
        @{ Case = 'object in a namespace that does not exist'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: x, namespace: no-such-namespace-here}`n" }
        @{ Case = 'change of the immutable selector of an existing Deployment'; Text = ($deployment -replace 'matchLabels: \{app: web\}', 'matchLabels: {app: web, v: two}') -replace 'labels: \{app: web\}', 'labels: {app: web, v: two}' }
        @{ Case = 'manifest change refused after a good object in the same file'; Text = "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cfg}`ndata: {k: changed}`n---`napiVersion: v1`nkind: Service`nmetadata: {name: bogus2}`nspec: {type: Bogus, ports: [{port: 80}]}`n" }
    )

    # Parameters: (name, command); $c holds KubeConfig and Namespace of the test cluster.
    $parameters = @(
        @{ Case = 'file that does not exist'; Run = { param($c) Invoke-KubeRollout (Join-Path $c.Folder 'missing.yaml') -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'wildcard that matches nothing'; Run = { param($c) Invoke-KubeRollout (Join-Path $c.Folder 'none-*.yaml') -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'path outside the file system'; Run = { param($c) Invoke-KubeRollout 'Env:\PATH' -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'literal path that does not exist'; Run = { param($c) Invoke-KubeRollout -LiteralPath (Join-Path $c.Folder '[x].yaml') -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'file larger than 16 MiB'; Run = { param($c) Invoke-KubeRollout $c.HugeFile -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = '-RollbackOnFailure without -Wait'; Run = { param($c) Invoke-KubeRollout $c.GoodFile -RollbackOnFailure -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = '-ChangeCause with -Record'; Run = { param($c) Invoke-KubeRollout $c.GoodFile -ChangeCause x -Record -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'plan of 100,000,000 replicas'; Run = { param($c) Get-KubeRolloutPlan -Replicas 100000000 -MaxSurge 1 -MaxUnavailable 0 } }
        @{ Case = 'plan with a surge that is not a number'; Run = { param($c) Get-KubeRolloutPlan -Replicas 3 -MaxSurge abc } }
        @{ Case = 'plan with surge and unavailable both 0'; Run = { param($c) Get-KubeRolloutPlan -Replicas 3 -MaxSurge 0 -MaxUnavailable 0 } }
        @{ Case = 'plan of negative replicas'; Run = { param($c) Get-KubeRolloutPlan -Replicas -1 } }
        @{ Case = 'wait with a timeout that is not a duration'; Run = { param($c) Wait-KubeRollout web -Timeout 'soon' -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'wait for a workload that does not exist'; Run = { param($c) Wait-KubeRollout nosuch -Timeout 5 -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'undo to a revision that does not exist'; Run = { param($c) Undo-KubeRollout web -ToRevision 99 -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'workload name of a wrong form'; Run = { param($c) Undo-KubeRollout 'deploy/web/extra' -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'unknown workload kind'; Run = { param($c) Get-KubeRolloutStatus web -Kind Frobnicator -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'strategy with surge and unavailable both 0'; Run = { param($c) Set-KubeRolloutStrategy web -MaxSurge 0 -MaxUnavailable 0 -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'strategy with an unavailable over 100%'; Run = { param($c) Set-KubeRolloutStrategy web -MaxUnavailable 150% -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'partition of a StatefulSet that does not exist'; Run = { param($c) Set-StatefulSetPartition nosuch -Partition 1 -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'history of a workload that does not exist'; Run = { param($c) Get-KubeRolloutHistory nosuch -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'restart of a workload that does not exist'; Run = { param($c) Restart-KubeRollout nosuch -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
        @{ Case = 'pause of a kind/name with no name'; Run = { param($c) Suspend-KubeRollout 'sts/' -KubeConfig $c.KubeConfig -Namespace $c.Namespace } }
    )

    # Kubeconfigs: (name, text or an instruction), each used by Get-KubeRolloutStatus web.
    $kubeconfigs = @(
        @{ Case = 'kubeconfig that does not exist'; Make = 'missing' }
        @{ Case = 'empty kubeconfig'; Make = 'text'; Text = '' }
        @{ Case = 'kubeconfig with only a comment'; Make = 'text'; Text = "# nothing here`n" }
        @{ Case = 'kubeconfig that is a list'; Make = 'text'; Text = "- a`n- b`n" }
        @{ Case = 'kubeconfig that is not YAML'; Make = 'text'; Text = 'clusters: [' }
        @{ Case = 'kubeconfig nested 40,000 levels'; Make = 'text'; Text = 'clusters: ' + ('[' * 40000) + (']' * 40000) }
        @{ Case = 'kubeconfig alias bomb'; Make = 'text'; Text = $bomb }
        @{ Case = 'certificate authority and insecure-skip-tls-verify'; Make = 'replace'; Pattern = '(certificate-authority-data:.*)'; With = "`$1`n    insecure-skip-tls-verify: true" }
        @{ Case = 'empty token'; Make = 'replace'; Pattern = 'token: .*'; With = 'token: ""' }
        @{ Case = 'wrong token'; Make = 'replace'; Pattern = 'token: .*'; With = 'token: not-the-token' }
        @{ Case = 'no current-context'; Make = 'replace'; Pattern = 'current-context: .*'; With = '' }
        @{ Case = 'current-context that is not defined'; Make = 'replace'; Pattern = 'current-context: .*'; With = 'current-context: elsewhere' }
        @{ Case = 'cluster without a server'; Make = 'replace'; Pattern = 'server: .*'; With = 'server: ""' }
        @{ Case = 'server that does not answer'; Make = 'replace'; Pattern = 'server: https://127.0.0.1:\d+'; With = 'server: https://127.0.0.1:9' }
        @{ Case = 'certificate authority of another cluster'; Make = 'replace'; Pattern = 'certificate-authority-data: .*'; With = 'certificate-authority-data: OTHER' }
        @{ Case = 'certificate authority that is not a certificate'; Make = 'replace'; Pattern = 'certificate-authority-data: .*'; With = 'certificate-authority-data: Zm9vYmFy' }
        @{ Case = 'client certificate that is not a certificate'; Make = 'replace'; Pattern = 'token: .*'; With = "client-certificate-data: Zm9vYmFy`n    client-key-data: Zm9vYmFy" }
        @{ Case = 'user without credentials section'; Make = 'replace'; Pattern = '(?ms)^users:.*?(?=^contexts:)'; With = "users:`n- name: nobody`n" }
        @{ Case = 'certificate authority that is not base64'; Make = 'replace'; Pattern = 'certificate-authority-data: .*'; With = 'certificate-authority-data: "%%%not base64%%%"' }
        @{ Case = '-Context that is not defined'; Make = 'context' }
        @{ Case = '$KUBECONFIG naming only missing files'; Make = 'environment' }
    )
    $total = $files.Count + $parameters.Count + $kubeconfigs.Count
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cluster = New-TestCluster -TimeScale 20
    $ns = New-TestNamespace -Cluster $cluster -Prefix corpus
    $folder = Split-Path (New-ManifestFile 'x: 1')
    $goodFile = New-ManifestFile "apiVersion: v1`nkind: ConfigMap`nmetadata: {name: cfg}`ndata: {k: v}`n"
    # What the corpus must leave untouched: a ConfigMap, a Secret, a Service and a rolled-out Deployment.
    $seed = New-ManifestFile (@(
            '{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}, data: {k: v}}'
            '{apiVersion: v1, kind: Secret, metadata: {name: sec}, stringData: {password: hunter2}}'
            '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80}]}}'
            '{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {replicas: 1, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: "web:v1"}]}}}}'
        ) -join "`n---`n")
    Invoke-KubeRollout $seed -KubeConfig $cluster.KubeConfig -Namespace $ns -Wait -Timeout 60 | Out-Null

    $hugeFile = Join-Path $folder 'huge.yaml'
    $stream = [IO.File]::Create($hugeFile)
    $stream.SetLength(17MB)
    $stream.Dispose()

    $context = @{ KubeConfig = $cluster.KubeConfig; Namespace = $ns; Folder = $folder; HugeFile = $hugeFile; GoodFile = $goodFile }

    # Every object of the test namespace with its resourceVersion, and every namespace.
    function Get-ClusterSnapshot {
        $objects = Invoke-Kubectl -Cluster $cluster -n $ns get 'deployments,replicasets,statefulsets,daemonsets,configmaps,secrets,services' -o jsonpath='{range .items[*]}{.kind}/{.metadata.name}={.metadata.resourceVersion}{"\n"}{end}'
        $namespaces = Invoke-Kubectl -Cluster $cluster get namespaces -o jsonpath='{.items[*].metadata.name}'
        if ($objects.ExitCode -ne 0 -or $namespaces.ExitCode -ne 0) { throw "Cannot take a snapshot: $($objects.Error) $($namespaces.Error)" }
        "$($objects.Output)`n--`n$($namespaces.Output)"
    }

    function Assert-KubeRolloutError($Records) {
        $Records | Should -Not -BeNullOrEmpty -Because 'bad input must be reported as an error'
        foreach ($record in $Records) {
            $record | Should -BeOfType [Management.Automation.ErrorRecord]
            $id = ($record.FullyQualifiedErrorId -split ',')[0]
            $id | Should -Not -Match '\.' -Because "'$($record.FullyQualifiedErrorId)' must be a KubeRollout id, not a .NET type name ($($record.Exception.GetType().FullName): $($record.Exception.Message))"
            $id | Should -Not -BeNullOrEmpty
        }
    }

    $script:before = Get-ClusterSnapshot
}

AfterAll {
    Remove-TestCluster $cluster
    Remove-Item $hugeFile -Force -ErrorAction SilentlyContinue
}

Describe 'Bad manifest files' {
    It '<Case>' -ForEach $files {
        $file = Join-Path $folder "$([guid]::NewGuid().ToString('N')).yaml"
        [IO.File]::WriteAllText($file, $Text)

        $records = Get-ErrorRecord { Invoke-KubeRollout $file -KubeConfig $cluster.KubeConfig -Namespace $ns }

        Assert-KubeRolloutError $records
        Get-ClusterSnapshot | Should -Be $script:before
    }
}

Describe 'Bad parameters' {
    It '<Case>' -ForEach $parameters {
        $records = Get-ErrorRecord { & $Run $context }

        Assert-KubeRolloutError $records
        Get-ClusterSnapshot | Should -Be $script:before
    }
}

Describe 'Bad kubeconfigs' {
    It '<Case>' -ForEach $kubeconfigs {
        $path = Join-Path $folder "kubeconfig-$([guid]::NewGuid().ToString('N'))"
        $source = Get-Content $cluster.KubeConfig -Raw
        $other = @{}
        switch ($Make) {
            'text' { [IO.File]::WriteAllText($path, $Text) }
            'replace' { [IO.File]::WriteAllText($path, ($source -replace $Pattern, $With)) }
            'context' { [IO.File]::WriteAllText($path, $source); $other.Context = 'no-such-context' }
        }
        $saved = $env:KUBECONFIG
        try {
            $records = if ($Make -eq 'environment') {
                $env:KUBECONFIG = "$path$([IO.Path]::PathSeparator)$path.other"
                Get-ErrorRecord { Get-KubeRolloutStatus web -Namespace $ns }
            }
            else {
                Get-ErrorRecord { Get-KubeRolloutStatus web -KubeConfig $path -Namespace $ns @other }
            }
        }
        finally {
            $env:KUBECONFIG = $saved
        }

        Assert-KubeRolloutError $records
        $shown = ($records | Out-String) + ($records.Exception.Message -join "`n")
        $shown | Should -Not -Match ([regex]::Escape(((Get-Content $cluster.KubeConfig) -match 'token:' -replace '.*token:\s*', '').Trim())) -Because 'no token in an error'
        Get-ClusterSnapshot | Should -Be $script:before
    }
}

Describe 'The corpus' {
    It 'holds at least 60 bad inputs (<Total>) and a snapshot that sees every seeded object' -ForEach @{ Total = $total } {
        $Total | Should -BeGreaterOrEqual 60
        foreach ($seeded in 'Deployment/web=', 'ReplicaSet/web-', 'ConfigMap/cfg=', 'Secret/sec=', 'Service/web=') {
            $script:before | Should -Match ([regex]::Escape($seeded))
        }
        $script:before -split '\s+' | Should -Contain $ns
    }
}
