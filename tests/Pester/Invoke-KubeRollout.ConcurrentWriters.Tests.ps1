# Concurrent writers (issue 10): kubectl annotates, labels and patches the same objects that Invoke-KubeRollout
# applies, all at once, on objects first applied by kubectl and on objects first applied by the module. Every write
# kubectl acknowledged must be in the final objects (lost fields: 0), every apply must succeed, and what the
# manifest configures must be there too.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cluster = New-TestCluster -TimeScale 20
    $manifest = New-ManifestFile @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: {app: shop}
data:
  mode: blue
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels: {app: shop}
spec:
  replicas: 1
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: web
        image: shop:v1
        env:
        - {name: MODE, value: blue}
'@

    # One kubectl writer: four writes, each leaving a field of its own.
    $kubectlWriter = {
        param($Writer, $Kubectl, $KubeConfig, $Namespace)
        $writes = [ordered]@{
            "deployment annotation w$Writer.example.com/owner" = @('annotate', 'deployment', 'shop', "w$Writer.example.com/owner=team$Writer")
            "deployment label w$Writer"                       = @('label', 'deployment', 'shop', "w$Writer=yes")
            "configmap key w$Writer"                          = @('patch', 'configmap', 'settings', '--type=merge', '-p', "{`"data`":{`"w$Writer`":`"v`"}}")
            "container env W$Writer"                          = @('patch', 'deployment', 'shop', '--type=strategic', '-p', "{`"spec`":{`"template`":{`"spec`":{`"containers`":[{`"name`":`"web`",`"env`":[{`"name`":`"W$Writer`",`"value`":`"v`"}]}]}}}}")
        }
        foreach ($write in $writes.GetEnumerator()) {
            $arguments = [string[]]$write.Value
            & $Kubectl --kubeconfig $KubeConfig -n $Namespace @arguments 2>&1 | Out-Null
            [pscustomobject]@{ Writer = "kubectl $Writer"; Field = $write.Key; Acknowledged = $LASTEXITCODE -eq 0 }
        }
    }

    # One module writer: three applies of the manifest.
    $moduleWriter = {
        param($Writer, $ModulePath, $Manifest, $KubeConfig, $Namespace)
        Import-Module $ModulePath
        foreach ($attempt in 1..3) {
            try {
                Invoke-KubeRollout $Manifest -KubeConfig $KubeConfig -Namespace $Namespace -ErrorAction Stop | Out-Null
                [pscustomobject]@{ Writer = "module $Writer"; Field = 'apply'; Acknowledged = $true; Failure = $null }
            }
            catch {
                [pscustomobject]@{ Writer = "module $Writer"; Field = 'apply'; Acknowledged = $false; Failure = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
            }
        }
    }

    # Runs 10 kubectl writers and 10 module writers at once and returns what each write reported.
    function Invoke-Writers([string] $Namespace) {
        $context = @{
            Kubectl = Get-KubectlPath; KubeConfig = $cluster.KubeConfig; Namespace = $Namespace
            ModulePath = Get-TestModulePath; Manifest = $manifest
            KubectlWriter = $kubectlWriter.ToString(); ModuleWriter = $moduleWriter.ToString()
        }
        1..20 | ForEach-Object -ThrottleLimit 20 -Parallel {
            $c = $using:context
            if ($_ % 2 -eq 0) { & ([scriptblock]::Create($c.KubectlWriter)) $_ $c.Kubectl $c.KubeConfig $c.Namespace }
            else { & ([scriptblock]::Create($c.ModuleWriter)) $_ $c.ModulePath $c.Manifest $c.KubeConfig $c.Namespace }
        }
    }

    # Whether a field a kubectl write reported is in the final objects.
    function Test-Field([string] $Field, $Deployment, $ConfigMap) {
        switch -Regex ($Field) {
            '^deployment annotation (.+)$' { return $Deployment.metadata.annotations.ContainsKey($Matches[1]) }
            '^deployment label (.+)$' { return $Deployment.metadata.labels.ContainsKey($Matches[1]) }
            '^configmap key (.+)$' { return $ConfigMap.data.ContainsKey($Matches[1]) }
            '^container env (.+)$' { return @($Deployment.spec.template.spec.containers[0].env.name) -contains $Matches[1] }
        }
        throw "unknown field $Field"
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'kubectl writes and module applies at once lose nothing' {
    It 'loses no field of an object first applied by <Seeding>' -ForEach @(@{ Seeding = 'kubectl' }, @{ Seeding = 'the module' }) {
        $ns = New-TestNamespace -Cluster $cluster -Prefix writers
        if ($Seeding -eq 'kubectl') {
            $seeded = Invoke-Kubectl -Cluster $cluster -n $ns apply -f $manifest
            $seeded.ExitCode | Should -Be 0 -Because $seeded.Error
        }
        else {
            Invoke-KubeRollout $manifest -KubeConfig $cluster.KubeConfig -Namespace $ns | Out-Null
        }

        $reports = @(Invoke-Writers $ns)

        $deployment = (Invoke-Kubectl -Cluster $cluster -n $ns get deployment shop -o json).Output | ConvertFrom-Json -AsHashtable
        $configMap = (Invoke-Kubectl -Cluster $cluster -n $ns get configmap settings -o json).Output | ConvertFrom-Json -AsHashtable
        $acknowledged = @($reports | Where-Object { $_.Writer -like 'kubectl*' -and $_.Acknowledged })
        $lost = @($acknowledged | Where-Object { -not (Test-Field $_.Field $deployment $configMap) })
        $failedApplies = @($reports | Where-Object { $_.Writer -like 'module*' -and -not $_.Acknowledged })

        $acknowledged.Count | Should -Be 40 -Because 'every kubectl write is acknowledged'
        ($reports | Where-Object Writer -like 'module*').Count | Should -Be 30
        $lost.Field | Should -BeNullOrEmpty -Because 'no acknowledged write may be lost'
        $lost.Count | Should -Be 0
        $failedApplies.Failure | Should -BeNullOrEmpty
        $deployment.spec.template.spec.containers[0].env.name | Should -Contain 'MODE'
        $deployment.spec.template.spec.containers[0].image | Should -Be 'shop:v1'
        $configMap.data.mode | Should -Be 'blue'
        # The module's applies of the manifest kubectl applied change nothing, records included: kubectl's says the same.
        $record = if ($Seeding -eq 'kubectl') { 'kubectl.kubernetes.io/last-applied-configuration' } else { 'kuberollout.io/last-applied-configuration' }
        $deployment.metadata.annotations[$record] | Should -Not -BeNullOrEmpty
    }
}
