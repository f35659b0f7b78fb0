# Finding workloads as a user does against the sandbox: names as lists and wildcard patterns, no name for every
# workload (-AllNamespaces too), and Tab completion (TabExpansion2) of workload names by the kinds each cmdlet works
# on (sts/ and ds/ forms), namespaces, contexts (from the kubeconfig only), nodes and revisions, with defaults from
# $PSDefaultParameterValues, a cache per session, and a short bound on a slow or unreachable cluster.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cluster = New-TestCluster -TimeScale 40
    $kubeConfig = $cluster.KubeConfig
    $ns = New-TestNamespace -Cluster $cluster -Prefix complete

    $workloads = @"
apiVersion: apps/v1
kind: Deployment
metadata: { name: web-front }
spec:
  replicas: 1
  selector: { matchLabels: { app: web-front } }
  template:
    metadata: { labels: { app: web-front } }
    spec: { containers: [ { name: web, image: "nginx:1.26-alpine" } ] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 1
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [ { name: api, image: "nginx:1.26-alpine" } ] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web-db }
spec:
  serviceName: web-db
  replicas: 1
  selector: { matchLabels: { app: web-db } }
  template:
    metadata: { labels: { app: web-db } }
    spec: { containers: [ { name: db, image: "postgres:16.4-alpine" } ] }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: proxy }
spec:
  selector: { matchLabels: { app: proxy } }
  template:
    metadata: { labels: { app: proxy } }
    spec: { containers: [ { name: proxy, image: "nginx:1.26-alpine" } ] }
"@
    Invoke-KubeRollout (New-ManifestFile $workloads) -KubeConfig $kubeConfig -Namespace $ns -Wait -Timeout 60s | Out-Null
    Invoke-KubeRollout (New-ManifestFile ($workloads -replace '1\.26-alpine', '1.27-alpine') -Name 'v2.yaml') -KubeConfig $kubeConfig -Namespace $ns -ChangeCause 'nginx 1.27' -Wait -Timeout 60s | Out-Null
    $elsewhere = New-TestNamespace -Cluster $cluster -Prefix complete-other
    Invoke-KubeRollout (New-ManifestFile (($workloads -split '---')[1]) -Name 'api.yaml') -KubeConfig $kubeConfig -Namespace $elsewhere | Out-Null

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }

    # A copy of the sandbox's kubeconfig whose cluster is at another address (same credentials, same context name).
    function New-KubeConfigAt([string] $Server) {
        $path = Join-Path ([IO.Path]::GetTempPath()) "kr-complete-$([guid]::NewGuid().ToString('N').Substring(0, 8)).yaml"
        (Get-Content $kubeConfig -Raw) -replace 'server: \S+', "server: $Server" | Set-Content $path
        $path
    }

    function Get-FreePort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'Names, patterns and no name' {
    BeforeAll {
        $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeConfig
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        function Get-Generation([string] $Kind, [string] $Name) {
            (Invoke-Kubectl -Cluster $cluster -n $ns get $Kind $Name -o 'jsonpath={.metadata.generation}').Output
        }
    }

    AfterAll {
        $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
        $PSDefaultParameterValues.Remove('*-Kube*:Namespace')
    }

    It 'reads several names and patterns at once: a pattern matches every kind, an exact name is a Deployment' {
        $statuses = Get-KubeRolloutStatus -Name 'web*', 'api'

        $statuses | ForEach-Object { "$($_.Kind)/$($_.Name)" } | Should -Be @('Deployment/web-front', 'StatefulSet/web-db', 'Deployment/api')
        $statuses.State | Should -Be @('Complete', 'Complete', 'Complete')
    }

    It 'reads every workload of the namespace without a name, of -Kind only when it is given' {
        (Get-KubeRolloutStatus | ForEach-Object { "$($_.Kind)/$($_.Name)" }) | Should -Be @('Deployment/api', 'Deployment/web-front', 'StatefulSet/web-db', 'DaemonSet/proxy')
        (Get-KubeRolloutStatus -Kind StatefulSet).Name | Should -Be @('web-db')
        (Get-KubeRolloutHistory -Kind DaemonSet).Revision | Should -Be @(1, 2)
    }

    It 'reads every namespace with -AllNamespaces, as kubectl get -A' {
        $all = @(Get-KubeRolloutStatus -AllNamespaces | Where-Object Namespace -in $ns, $elsewhere)

        # complete-<hex> sorts before complete-other-<hex>: namespaces first, then kinds, then names.
        ($all | ForEach-Object { "$($_.Namespace)/$($_.Name)" }) | Should -Be @("$ns/api", "$ns/web-front", "$ns/web-db", "$ns/proxy", "$elsewhere/api")
        (Get-KubeRolloutStatus api -AllNamespaces).Namespace | Sort-Object | Should -Be (@($ns, $elsewhere) | Sort-Object)
        Get-KubeRolloutStatus nosuch -AllNamespaces -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'WorkloadNotFound,*'
        $missing[0].Exception.Message | Should -Be 'deployments.apps "nosuch" not found in any namespace'
    }

    It 'gives nothing, and no error, for a pattern that matches nothing; an exact name that does not exist is an error' {
        Get-KubeRolloutStatus 'nothing-*' -ErrorVariable none -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
        Get-KubeRolloutStatus nothing -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'WorkloadNotFound,*'
        $missing[0].Exception.Message | Should -Be 'deployments.apps "nothing" not found'
    }

    It 'says not found, as kubectl rollout status does, when a workload to wait for does not exist' {
        Wait-KubeRollout nothing -Timeout 5s -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $missing[0].FullyQualifiedErrorId | Should -Be 'WorkloadNotFound,KubeRollout.Cmdlets.WaitKubeRolloutCommand'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].Exception.Message | Should -BeLike 'deployments.apps "nothing" not found*'
        "$($missing[0].TargetObject)" | Should -Be "deployment.apps/nothing in namespace $ns"
    }

    It 'says which kind has a name given without one when it is not of the cmdlet''s kind' {
        Get-KubeRolloutStatus web-db -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Suspend-KubeRollout proxy -ErrorVariable notPaused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $missing[0].FullyQualifiedErrorId | Should -BeLike 'WorkloadNotFound,*'
        $missing[0].Exception.Message | Should -Be "deployments.apps ""web-db"" not found; namespace $ns has a StatefulSet named web-db (-Kind StatefulSet, or the name sts/web-db)"
        $notPaused[0].Exception.Message | Should -Be "deployments.apps ""proxy"" not found; namespace $ns has a DaemonSet named proxy, which Suspend-KubeRollout does not work on"
        Get-KubeRolloutStatus deploy/web-db -ErrorVariable typed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $typed[0].Exception.Message | Should -Be 'deployments.apps "web-db" not found' -Because 'a kind the user gave is not second-guessed'
    }

    It 'groups the histories a pattern selects, and waits for every workload it matches' {
        (Get-KubeRolloutHistory 'web*' | ForEach-Object { "$($_.Name)#$($_.Revision)" }) | Should -Be @('web-front#1', 'web-front#2', 'web-db#1')
        (Wait-KubeRollout '*' -Timeout 60s).Name | Sort-Object | Should -Be @('api', 'proxy', 'web-db', 'web-front')
    }

    It 'binds names, kinds and namespaces from the pipeline' {
        ('sts/web-db', 'api' | Get-KubeRolloutStatus).Name | Should -Be @('web-db', 'api')
        (Get-KubeRolloutStatus -Kind DaemonSet | Get-KubeRolloutHistory).Name | Should -Be @('proxy', 'proxy')
        # A namespace default in $PSDefaultParameterValues is bound before pipeline input, as PowerShell binds defaults.
        $PSDefaultParameterValues.Remove('*-Kube*:Namespace')
        try {
            (Get-KubeRolloutStatus api -AllNamespaces | Get-KubeRolloutStatus).Namespace | Should -Be @($ns, $elsewhere)
        }
        finally {
            $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        }
    }

    It 'refuses a pattern where it would change workloads, changing nothing, and takes a list of exact names' {
        $before = Get-Generation deployment web-front
        $dbBefore = Get-Generation statefulset web-db

        Restart-KubeRollout 'web*' -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'WorkloadNamePatternNotAccepted,*'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[0].TargetObject | Should -Be 'web*'
        Get-Generation deployment web-front | Should -Be $before
        Get-Generation statefulset web-db | Should -Be $dbBefore

        $restarted = Restart-KubeRollout api, web-front -Confirm:$false
        $restarted.Name | Should -Be @('api', 'web-front')
        Get-Generation deployment web-front | Should -BeGreaterThan $before
    }
}

Describe 'Completing -Name' {
    It 'offers a cmdlet''s default kind bare and its other kinds as sts/ and ds/' {
        $names = (Get-Completion "Get-KubeRolloutStatus -KubeConfig '$kubeConfig' -Namespace $ns ").CompletionText

        $names | Should -Be @('api', 'web-front', 'sts/web-db', 'ds/proxy')
    }

    It 'completes <Typed> with the workloads of that kind only' -ForEach @(
        @{ Typed = 'sts/'; Expected = @('sts/web-db') }
        @{ Typed = 'ds/p'; Expected = @('ds/proxy') }
        @{ Typed = 'deploy/w'; Expected = @('deploy/web-front') }
        @{ Typed = 'statefulset.apps/'; Expected = @('statefulset.apps/web-db') }
        @{ Typed = 'w'; Expected = @('web-front', 'sts/web-db') }
    ) {
        (Get-Completion "Wait-KubeRollout -KubeConfig '$kubeConfig' -Namespace $ns $Typed").CompletionText | Should -Be $Expected
    }

    It 'offers <Command> only the kinds it works on' -ForEach @(
        @{ Command = 'Set-StatefulSetPartition'; Expected = @('web-db') }
        @{ Command = 'Set-KubeStatefulSetPartition'; Expected = @('web-db') }
        @{ Command = 'Update-KubeRolloutPod'; Expected = @('sts/web-db', 'ds/proxy') }
        @{ Command = 'Suspend-KubeRollout'; Expected = @('api', 'web-front') }
        @{ Command = 'Get-KubeRolloutPlan'; Expected = @('api', 'web-front') }
    ) {
        (Get-Completion "$Command -KubeConfig '$kubeConfig' -Namespace $ns -Name ").CompletionText | Should -Be $Expected
    }

    It 'offers the names of -Kind when it is given' {
        (Get-Completion "Get-KubeRolloutHistory -KubeConfig '$kubeConfig' -Namespace $ns -Kind DaemonSet ").CompletionText | Should -Be @('proxy')
    }

    It 'reads -KubeConfig and -Namespace from $PSDefaultParameterValues, as the cmdlets do' {
        $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeConfig
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        try {
            (Get-Completion 'Restart-KubeRollout a').CompletionText | Should -Be @('api')
            (Get-Completion 'Set-StatefulSetPartition w').CompletionText | Should -Be @('web-db') -Because 'the alias Set-KubeStatefulSetPartition matches *-Kube*'
        }
        finally {
            $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
            $PSDefaultParameterValues.Remove('*-Kube*:Namespace')
        }
    }
}

Describe 'Completing the other parameters from the cluster' {
    It 'completes -Namespace with the namespaces' {
        $namespaces = (Get-Completion "Get-KubeRolloutStatus -KubeConfig '$kubeConfig' -Namespace comp").CompletionText

        $namespaces | Should -Contain $ns
        $namespaces | ForEach-Object { $_ | Should -BeLike 'comp*' }
    }

    It 'completes -Node with the nodes' {
        $nodes = (Invoke-Kubectl -Cluster $cluster get nodes -o 'jsonpath={.items[*].metadata.name}').Output -split ' ' | Sort-Object

        (Get-Completion "Update-KubeRolloutPod -KubeConfig '$kubeConfig' -Namespace $ns ds/proxy -Node ").CompletionText | Should -Be $nodes
    }

    It 'completes -ToRevision and -Revision with the workload''s revisions, newest first' {
        $history = @(Get-KubeRolloutHistory -KubeConfig $kubeConfig -Namespace $ns proxy -Kind DaemonSet)

        $offered = Get-Completion "Undo-KubeRollout -KubeConfig '$kubeConfig' -Namespace $ns ds/proxy -ToRevision "

        $offered.CompletionText | Should -Be @('2', '1')
        $offered.CompletionText | Should -Be @($history.Revision | Sort-Object -Descending | ForEach-Object { "$_" })
        $offered[0].ListItemText | Should -Be '2 (current)'
        $offered[1].ListItemText | Should -Be '1'
        $offered[0].ToolTip | Should -Be 'revision 2: nginx:1.27-alpine; nginx 1.27'
        (Get-Completion "Get-KubeRolloutHistory -KubeConfig '$kubeConfig' -Namespace $ns ds/proxy -Revision 1").CompletionText | Should -Be @('1')
        (Get-Completion "Get-KubeRolloutHistory -KubeConfig '$kubeConfig' -Namespace $ns sts/web-db -Revision ").CompletionText | Should -Be @('1')
    }

    It 'completes -Context from the kubeconfig without calling the cluster' {
        $unreachable = New-KubeConfigAt "https://127.0.0.1:$(Get-FreePort)"
        $second = (Get-Content $unreachable -Raw) -replace 'kuberollout-sandbox', 'staging'
        $merged = Join-Path (Split-Path $unreachable) "kr-merged-$([guid]::NewGuid().ToString('N').Substring(0, 8)).yaml"
        Set-Content $merged $second
        $previous = $env:KUBECONFIG
        $env:KUBECONFIG = "$unreachable$([IO.Path]::PathSeparator)$merged"
        try {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $contexts = (Get-Completion 'Get-KubeRolloutStatus -Context ').CompletionText
            $clock.Stop()
        }
        finally {
            $env:KUBECONFIG = $previous
            Remove-Item $unreachable, $merged
        }

        $contexts | Should -Be @('kuberollout-sandbox', 'staging')
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 2 -Because 'the contexts come from the files, which name an unreachable server'
    }
}

Describe 'The look-up cache and bound' {
    It 'keeps the names it read for the session instead of asking the cluster on every Tab' {
        $line = "Get-KubeRolloutStatus -KubeConfig '$kubeConfig' -Namespace $ns -Kind Deployment "
        (Get-Completion $line).CompletionText | Should -Be @('api', 'web-front')
        Invoke-KubeRollout (New-ManifestFile (($workloads -split '---')[1] -replace '\bapi\b', 'api-new')) -KubeConfig $kubeConfig -Namespace $ns | Out-Null

        (Get-Completion $line).CompletionText | Should -Be @('api', 'web-front') -Because 'the names read a moment ago are kept'
        (Get-Completion "Get-KubeRolloutStatus -KubeConfig '$kubeConfig' -Namespace $ns -Kind Deployment api").CompletionText | Should -Be @('api')
        Get-KubeRolloutStatus api-new -KubeConfig $kubeConfig -Namespace $ns | Should -Not -BeNullOrEmpty -Because 'the cluster has it'
    }

    It 'gives nothing at once for <Case>, and the next Tab does not wait again' -ForEach @(
        @{ Case = 'a closed port'; Hung = $false }
        @{ Case = 'a server that accepts connections but never answers'; Hung = $true }
    ) {
        $listener = $null
        if ($Hung) {
            # The operating system accepts connections into the backlog; nothing ever reads or answers them.
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start()
            $port = $listener.LocalEndpoint.Port
        }
        else {
            $port = Get-FreePort
        }
        $config = New-KubeConfigAt "https://127.0.0.1:$port"
        try {
            $first = [Diagnostics.Stopwatch]::StartNew()
            $names = Get-Completion "Get-KubeRolloutStatus -KubeConfig '$config' -Namespace $ns -Kind Deployment "
            $first.Stop()
            $second = [Diagnostics.Stopwatch]::StartNew()
            $again = Get-Completion "Get-KubeRolloutStatus -KubeConfig '$config' -Namespace $ns -Kind Deployment "
            $second.Stop()
        }
        finally {
            if ($listener) { $listener.Stop() }
            Remove-Item $config
        }

        @($names | Where-Object ResultType -eq 'ParameterValue') | Should -BeNullOrEmpty
        @($again | Where-Object ResultType -eq 'ParameterValue') | Should -BeNullOrEmpty
        $first.Elapsed.TotalSeconds | Should -BeLessThan 5 -Because 'a look-up gives up after 2 s'
        $second.Elapsed.TotalSeconds | Should -BeLessThan 1.5 -Because 'the failed look-up is remembered for a while'
        if ($Hung) { $first.Elapsed.TotalSeconds | Should -BeGreaterThan 1.5 -Because 'the hung server was really waited for, up to the bound' }
    }
}
