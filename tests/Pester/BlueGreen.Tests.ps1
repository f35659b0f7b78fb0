# Blue-green releases (examples/blue-green: vweb-blue and vweb-green behind the Service vweb) with Switch-KubeBlueGreen and
# Get-KubeBlueGreen, end to end against a sandbox (or KUBEROLLOUT_TEST_KUBECONFIG): refusals that change nothing, the
# switch and its endpoints as kubectl shows them, -Back, -Verify, a concurrent writer, the scale-down, and bad input.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $bg = Get-ExamplePath 'blue-green'
    $cluster = New-TestCluster -TimeScale 20 -FailingImage '*:broken'
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }

    # A namespace with both sides rolled out and the Service on blue, as examples/blue-green/README.md starts.
    function New-BlueGreen([string] $Prefix = 'bg') {
        $ns = New-TestNamespace -Cluster $cluster -Prefix $Prefix
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Invoke-KubeRollout (Join-Path $bg 'vweb-blue.yaml'), (Join-Path $bg 'vweb-green.yaml') -Wait -Timeout 2m | Out-Null
        Invoke-KubeRollout (Join-Path $bg 'vweb-service-blue.yaml') | Out-Null
        Wait-Until { (Get-EndpointPod $ns).Count -eq 3 -and -not (Compare-Object @(Get-EndpointPod $ns) @(Get-ReadyPod $ns blue)) } -Because 'the blue pods are the endpoints of vweb'
        $ns
    }

    # The ready endpoints of the Service as kubectl reads them from its EndpointSlices.
    function Get-EndpointPod([string] $Namespace, [string] $Service = 'vweb') {
        $lines = (Invoke-Kubectl -Cluster $cluster -n $Namespace get endpointslices -l "kubernetes.io/service-name=$Service" -o 'jsonpath={range .items[*].endpoints[*]}{.targetRef.name} {.conditions.ready}{"\n"}{end}').Output -split "`n"
        @($lines | Where-Object { $_ -match ' true$' } | ForEach-Object { ($_ -split ' ')[0] } | Sort-Object)
    }

    function Get-ReadyPod([string] $Namespace, [string] $Slot) {
        $lines = (Invoke-Kubectl -Cluster $cluster -n $Namespace get pods -l "app=vweb,slot=$Slot" -o 'jsonpath={range .items[*]}{.metadata.name} {.status.conditions[?(@.type=="Ready")].status} {.metadata.deletionTimestamp}{"\n"}{end}').Output -split "`n"
        @($lines | Where-Object { $_ -match '^\S+ True $' } | ForEach-Object { ($_ -split ' ')[0] } | Sort-Object)
    }

    function Get-ServiceField([string] $Namespace, [string] $JsonPath, [string] $Service = 'vweb') {
        (Invoke-Kubectl -Cluster $cluster -n $Namespace get service $Service -o "jsonpath={$JsonPath}").Output
    }

    # A variant of the green side written to a temp file (an image, a rollout that will not finish).
    function New-GreenManifest([string] $Image) {
        New-ManifestFile ((Get-Content (Join-Path $bg 'vweb-green.yaml') -Raw) -replace 'image: nginx:1\.27-alpine', "image: $Image") -Name 'vweb-green.yaml'
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'A blue-green release of examples/blue-green' {
    It 'shows the active and the standby side with revision, images and ready replicas, and the endpoints kubectl shows' {
        $ns = New-BlueGreen

        $status = Get-KubeBlueGreen vweb

        $status.Selector | Should -Be 'app=vweb,slot=blue'
        $status.Active.Name | Should -Be 'vweb-blue'
        $status.Active.Revision | Should -Be 1
        $status.Active.Images | Should -Be @('nginx:1.26-alpine')
        $status.Active.ReadyReplicas | Should -Be 3
        $status.Active.Endpoints | Should -Be 3
        $status.Standby.Name | Should -Be 'vweb-green'
        $status.Standby.Images | Should -Be @('nginx:1.27-alpine')
        $status.Standby.State | Should -Be 'Complete'
        $status.EndpointPods | Sort-Object | Should -Be (Get-EndpointPod $ns)
        $status.EndpointPods | Sort-Object | Should -Be (Get-ReadyPod $ns blue)
        $addresses = (Invoke-Kubectl -Cluster $cluster -n $ns get endpoints vweb -o 'jsonpath={.subsets[*].addresses[*].ip}').Output -split ' ' | Sort-Object
        $status.Endpoints.Address | Sort-Object | Should -Be $addresses
        $status.Message | Should -Be 'vweb-blue receives the traffic (3 ready endpoints); vweb-green is ready to take it'
    }

    It 'shows with -WhatIf the old and the new selector and the pods that gain and lose traffic, and changes nothing' {
        $ns = New-BlueGreen
        $version = Get-ServiceField $ns '.metadata.resourceVersion'

        $whatIf = Get-HostText { Switch-KubeBlueGreen -Service vweb -To vweb-green -WhatIf }

        $whatIf | Should -Match 'switch from vweb-blue to vweb-green'
        $whatIf | Should -Match ([regex]::Escape('app=vweb,slot=blue -> app=vweb,slot=green'))
        foreach ($pod in Get-ReadyPod $ns green) { $whatIf | Should -Match "pods gaining traffic:.*$pod" }
        foreach ($pod in Get-ReadyPod $ns blue) { $whatIf | Should -Match "pods losing traffic:.*$pod" }
        Get-ServiceField $ns '.metadata.resourceVersion' | Should -Be $version
    }

    It 'switches to the ready side, waits until the endpoints are its pods, and -Back restores the previous side' {
        $ns = New-BlueGreen
        $green = Get-ReadyPod $ns green
        $blue = Get-ReadyPod $ns blue

        $switched = Switch-KubeBlueGreen -Service vweb -To vweb-green -Wait -ChangeCause 'release 2.0'

        $switched.Switched | Should -BeTrue
        $switched.Selector | Should -Be 'app=vweb,slot=green'
        $switched.From | Should -Be 'vweb-blue'
        $switched.Waited | Should -BeTrue
        $switched.Endpoints.Pod | Sort-Object | Should -Be $green
        Get-EndpointPod $ns | Should -Be $green
        Get-ServiceField $ns '.spec.selector.slot' | Should -Be 'green'
        (Get-KubeBlueGreen vweb).Active.Name | Should -Be 'vweb-green'

        $back = Switch-KubeBlueGreen -Service vweb -Back -Wait

        $back.Back | Should -BeTrue
        $back.To | Should -Be 'vweb-blue'
        $back.Endpoints.Pod | Sort-Object | Should -Be $blue
        Get-EndpointPod $ns | Should -Be $blue
        Get-ServiceField $ns '.spec.selector.slot' | Should -Be 'blue'
        $history = Get-KubeBlueGreen vweb -History
        $history.Number | Should -Be @(1, 2)
        $history.Cause | Should -Be @('release 2.0', 'back to vweb-blue')
        $history.From | Should -Be @('vweb-blue', 'vweb-green')
        $history.To | Should -Be @('vweb-green', 'vweb-blue')
        $history.IsCurrent | Should -Be @($false, $true)
        Get-ServiceField $ns '.metadata.annotations.kuberollout\.io/blue-green-history' | ConvertFrom-Json | ForEach-Object to | Should -Be @('vweb-green', 'vweb-blue')
    }

    It 'passes Get-KubeBlueGreen''s standby side to the switch' {
        $ns = New-BlueGreen

        $result = Get-KubeBlueGreen vweb | Switch-KubeBlueGreen -Wait

        $result.To | Should -Be 'vweb-green'
        Get-EndpointPod $ns | Should -Be (Get-ReadyPod $ns green)
    }

    It 'runs -Verify against the new side before the switch: false or an error means no switch' {
        $ns = New-BlueGreen
        $version = Get-ServiceField $ns '.metadata.resourceVersion'

        Switch-KubeBlueGreen vweb vweb-green -Verify { $_.TargetPods.Count -eq 99 } -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Switch-KubeBlueGreen vweb vweb-green -Verify { throw 'smoke test failed' } -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Switch-KubeBlueGreen vweb vweb-green -Verify { Write-Error 'health check 503' } -ErrorVariable written -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused[-1].FullyQualifiedErrorId | Should -BeLike 'VerificationFailed,*'
        $refused[-1].CategoryInfo.Category | Should -Be 'InvalidResult'
        $refused[-1].TargetObject | Should -Be 'vweb-green'
        $refused[-1].Exception.Message | Should -Match 'returned false'
        $failed[-1].Exception.Message | Should -Match 'smoke test failed'
        $written[-1].Exception.Message | Should -Match 'health check 503'
        Get-ServiceField $ns '.metadata.resourceVersion' | Should -Be $version

        $seen = [System.Collections.Generic.List[string]]::new()
        $result = Switch-KubeBlueGreen vweb vweb-green -Verify { $seen.Add($_.To); $_.TargetPods.Pod | ForEach-Object { $seen.Add($_) }; $true }

        $result.Switched | Should -BeTrue
        $seen[0] | Should -Be 'vweb-green'
        $seen | Select-Object -Skip 1 | Sort-Object | Should -Be (Get-ReadyPod $ns green)
    }

    It 'keeps a change someone made to the Service between the read and the write (409), and records the switch' {
        $ns = New-BlueGreen

        # The verification runs after the switch read the Service: the label makes the first, conditional write fail with 409.
        $result = Switch-KubeBlueGreen vweb vweb-green -Verify { (Invoke-Kubectl -Cluster $cluster -n $ns label service vweb touched-by=someone-else).ExitCode -eq 0 }

        $result.Switched | Should -BeTrue
        Get-ServiceField $ns '.metadata.labels.touched-by' | Should -Be 'someone-else'
        Get-ServiceField $ns '.spec.selector.slot' | Should -Be 'green'
        (Get-KubeBlueGreen vweb -History).Number | Should -Be @(1)
    }

    It 'does not overwrite a change of the selector made meanwhile' {
        $ns = New-BlueGreen

        Switch-KubeBlueGreen vweb vweb-green -Verify { (Invoke-Kubectl -Cluster $cluster -n $ns patch service vweb -p '{"spec":{"selector":{"slot":"canary"}}}').ExitCode -eq 0 } -ErrorVariable changed -ErrorAction SilentlyContinue

        $changed[-1].FullyQualifiedErrorId | Should -BeLike 'ServiceChangedConcurrently,*'
        $changed[-1].CategoryInfo.Category | Should -Be 'ResourceBusy'
        Get-ServiceField $ns '.spec.selector.slot' | Should -Be 'canary'
        Get-ServiceField $ns '.metadata.annotations' | Should -Not -Match 'blue-green-history'
    }

    It 'scales the old side down after the delay once it receives no traffic, and refuses while it still does' {
        $ns = New-BlueGreen

        $result = Switch-KubeBlueGreen vweb vweb-green -ScaleDownAfter 2s

        $result.Waited | Should -BeTrue
        $result.ScaledDown | Should -Be @('vweb-blue (3 -> 0)')
        (Invoke-Kubectl -Cluster $cluster -n $ns get deployment vweb-blue -o 'jsonpath={.spec.replicas}').Output | Should -Be '0'
        Switch-KubeBlueGreen vweb -Back -ErrorVariable back -ErrorAction SilentlyContinue
        $back[-1].FullyQualifiedErrorId | Should -BeLike 'TargetNotReady,*'
        $back[-1].Exception.Message | Should -Match 'scale it up first'

        # Another Service still sends traffic to green's pods: green is not scaled down when the Service switches back.
        Invoke-Kubectl -Cluster $cluster -n $ns scale deployment vweb-blue --replicas=3 | Out-Null
        Wait-Until { (Get-ReadyPod $ns blue).Count -eq 3 -and (Get-KubeRolloutStatus vweb-blue).State -eq 'Complete' } -Because 'blue is back'
        $other = New-ManifestFile ((Get-Content (Join-Path $bg 'vweb-service-green.yaml') -Raw) -replace 'name: vweb', 'name: vweb-preview')
        Invoke-KubeRollout $other | Out-Null
        Wait-Until { (Get-EndpointPod $ns vweb-preview).Count -eq 3 } -Because 'the preview Service selects the green pods'

        $back = Switch-KubeBlueGreen vweb -Back -ScaleDownAfter 1s -ErrorVariable refused -ErrorAction SilentlyContinue

        $back.Switched | Should -BeTrue
        $refused[-1].FullyQualifiedErrorId | Should -BeLike 'ScaleDownRefused,*'
        $refused[-1].Exception.Message | Should -Match 'service vweb-preview'
        (Invoke-Kubectl -Cluster $cluster -n $ns get deployment vweb-green -o 'jsonpath={.spec.replicas}').Output | Should -Be '3'
    }
}

Describe 'A switch that is refused changes nothing' {
    It 'refuses a side that is not ready' {
        $ns = New-TestNamespace -Cluster $cluster -Prefix bgready
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        Invoke-KubeRollout (Join-Path $bg 'vweb-blue.yaml') -Wait -Timeout 2m | Out-Null
        Invoke-KubeRollout (New-GreenManifest 'nginx:broken'), (Join-Path $bg 'vweb-service-blue.yaml') | Out-Null
        $version = Get-ServiceField $ns '.metadata.resourceVersion'

        Switch-KubeBlueGreen vweb vweb-green -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused[-1].FullyQualifiedErrorId | Should -Be 'TargetNotReady,KubeRollout.Cmdlets.SwitchKubeBlueGreenCommand'
        $refused[-1].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $refused[-1].TargetObject | Should -Be 'vweb-green'
        $refused[-1].Exception.Message | Should -BeLike 'deployment vweb-green is not ready to receive traffic: *'
        Get-ServiceField $ns '.metadata.resourceVersion' | Should -Be $version
        Get-ServiceField $ns '.spec.selector.slot' | Should -Be 'blue'
    }

    It 'refuses a side whose pods lack the container port the Service targets by name, and changes nothing' {
        $ns = New-TestNamespace -Cluster $cluster -Prefix bgport
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        $renamed = New-ManifestFile ((Get-Content (Join-Path $bg 'vweb-green.yaml') -Raw) -replace '- name: http', '- name: web') -Name 'vweb-green.yaml'
        Invoke-KubeRollout (Join-Path $bg 'vweb-blue.yaml'), $renamed -Wait -Timeout 2m | Out-Null
        Invoke-KubeRollout (Join-Path $bg 'vweb-service-blue.yaml') | Out-Null
        $version = Get-ServiceField $ns '.metadata.resourceVersion'

        Switch-KubeBlueGreen vweb vweb-green -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused[-1].FullyQualifiedErrorId | Should -Be 'TargetPortMissing,KubeRollout.Cmdlets.SwitchKubeBlueGreenCommand'
        $refused[-1].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $refused[-1].Exception.Message | Should -BeLike 'deployment vweb-green cannot receive the traffic of service vweb: port http 8090/TCP targets the container port named http, and its pods have no such port (their ports: web 80/TCP)*'
        Get-ServiceField $ns '.metadata.resourceVersion' | Should -Be $version
    }

    It 'refuses a side that is in the middle of a rollout, with kubectl''s status' {
        $ns = New-BlueGreen -Prefix bgmid
        Invoke-KubeRollout (New-GreenManifest 'nginx:broken') | Out-Null
        Wait-Until { (Get-KubeRolloutStatus vweb-green).State -eq 'Progressing' } -Because 'the green rollout is under way'
        $version = Get-ServiceField $ns '.metadata.resourceVersion'

        Switch-KubeBlueGreen vweb vweb-green -Wait -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused[-1].FullyQualifiedErrorId | Should -BeLike 'TargetNotReady,*'
        $refused[-1].Exception.Message | Should -Match ([regex]::Escape('Waiting for deployment "vweb-green" rollout to finish'))
        Get-ServiceField $ns '.metadata.resourceVersion' | Should -Be $version
        Get-EndpointPod $ns | Should -Be (Get-ReadyPod $ns blue)
    }

    It 'refuses <Case> with <ErrorId> (<Category>)' -ForEach @(
        @{ Case = 'a Service that does not exist'; ErrorId = 'ServiceNotFound'; Category = 'ObjectNotFound'; Target = 'nope'; Parameters = @{ Service = 'nope'; To = 'vweb-green' } }
        @{ Case = 'a Deployment that does not exist'; ErrorId = 'WorkloadNotFound'; Category = 'ObjectNotFound'; Target = 'vweb-red'; Parameters = @{ Service = 'vweb'; To = 'vweb-red' } }
        @{ Case = 'a target that is not a Deployment'; ErrorId = 'NotADeployment'; Category = 'InvalidArgument'; Target = 'sts/vweb-green'; Parameters = @{ Service = 'vweb'; To = 'sts/vweb-green' } }
        @{ Case = 'a target in another namespace'; ErrorId = 'TargetInOtherNamespace'; Category = 'InvalidArgument'; Target = 'vweb-elsewhere'; Parameters = @{ Service = 'vweb'; To = 'vweb-elsewhere' } }
        @{ Case = 'a Service without a selector (manual Endpoints)'; ErrorId = 'ServiceWithoutSelector'; Category = 'InvalidOperation'; Target = 'manual'; Parameters = @{ Service = 'manual'; To = 'vweb-green' } }
        @{ Case = 'two Deployments whose pods cannot be told apart'; ErrorId = 'SidesIndistinguishable'; Category = 'InvalidOperation'; Target = 'twin-b'; Parameters = @{ Service = 'twin'; To = 'twin-b' } }
        @{ Case = '-Back without a recorded switch'; ErrorId = 'NoSwitchToGoBack'; Category = 'InvalidOperation'; Target = 'vweb'; Parameters = @{ Service = 'vweb'; Back = $true } }
    ) {
        if (-not $script:badInput) {
            $script:badInput = New-BlueGreen -Prefix bgbad
            $other = New-TestNamespace -Cluster $cluster -Prefix bgother
            $elsewhere = New-ManifestFile ((Get-Content (Join-Path $bg 'vweb-green.yaml') -Raw) -replace 'name: vweb-green', 'name: vweb-elsewhere')
            Invoke-KubeRollout $elsewhere -Namespace $other | Out-Null
            $manual = New-ManifestFile @"
apiVersion: v1
kind: Service
metadata:
  name: manual
spec:
  ports:
    - port: 80
---
apiVersion: v1
kind: Endpoints
metadata:
  name: manual
subsets:
  - addresses:
      - ip: 192.0.2.10
    ports:
      - port: 80
"@
            # Two Deployments whose pods carry the same labels (only the image differs), and a Service selecting them.
            $twins = New-ManifestFile ((@('twin-a', 'twin-b') | ForEach-Object {
                        "apiVersion: apps/v1`nkind: Deployment`nmetadata: { name: $_ }`nspec:`n  replicas: 1`n  selector: { matchLabels: { app: twin } }`n" +
                        "  template:`n    metadata: { labels: { app: twin } }`n    spec: { containers: [ { name: web, image: 'nginx:1.27-alpine' } ] }`n"
                    }) + "apiVersion: v1`nkind: Service`nmetadata: { name: twin }`nspec:`n  selector: { app: twin }`n  ports: [ { port: 80 } ]`n" -join "---`n")
            (Invoke-Kubectl -Cluster $cluster -n $script:badInput apply -f $manual).ExitCode | Should -Be 0
            (Invoke-Kubectl -Cluster $cluster -n $script:badInput apply -f $twins).ExitCode | Should -Be 0
            'twin-a', 'twin-b' | Wait-KubeRollout -Namespace $script:badInput -Timeout 1m | Out-Null
        }
        $ns = $script:badInput
        $PSDefaultParameterValues['*-Kube*:Namespace'] = $ns
        $before = (Invoke-Kubectl -Cluster $cluster -n $ns get services -o 'jsonpath={range .items[*]}{.metadata.name}={.metadata.resourceVersion} {end}').Output

        Switch-KubeBlueGreen @Parameters -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused[-1].FullyQualifiedErrorId | Should -Be "$ErrorId,KubeRollout.Cmdlets.SwitchKubeBlueGreenCommand"
        $refused[-1].CategoryInfo.Category | Should -Be $Category
        $refused[-1].TargetObject | Should -Be $Target
        $refused[-1].Exception.Message | Should -Not -BeNullOrEmpty
        (Invoke-Kubectl -Cluster $cluster -n $ns get services -o 'jsonpath={range .items[*]}{.metadata.name}={.metadata.resourceVersion} {end}').Output | Should -Be $before
    }

    It 'shows no blue-green state for a Service without a selector' {
        $ns = New-TestNamespace -Cluster $cluster -Prefix bgmanual
        $manual = New-ManifestFile "apiVersion: v1`nkind: Service`nmetadata:`n  name: manual`nspec:`n  ports:`n    - port: 80`n"
        (Invoke-Kubectl -Cluster $cluster -n $ns apply -f $manual).ExitCode | Should -Be 0

        Get-KubeBlueGreen manual -Namespace $ns -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused[-1].FullyQualifiedErrorId | Should -Be 'ServiceWithoutSelector,KubeRollout.Cmdlets.GetKubeBlueGreenCommand'
        $refused[-1].TargetObject | Should -Be 'manual'
    }
}

Describe 'Invoke-KubeRollout on the Service warns where Switch-KubeBlueGreen would refuse' {
    BeforeAll {
        $ns = New-BlueGreen -Prefix bg-apply

        # examples/blue-green/vweb-service-blue.yaml with another selector.
        function New-ServiceManifest([string] $Selector) {
            New-ManifestFile ((Get-Content (Join-Path $bg 'vweb-service-blue.yaml') -Raw) -replace '(?ms)^  selector:.*?^  ports:', "  selector:`n$Selector`n  ports:") -Name vweb-service.yaml
        }
    }

    It 'warns, in -WhatIf too, when the new selector matches no ready pod' {
        $purple = New-ServiceManifest "    app: vweb`n    slot: purple"
        $expected = 'The selector of service vweb becomes app=vweb,slot=purple, which matches no ready pod: the Service will have no endpoints, and requests to it fail until pods with these labels are ready.'

        $whatIf = Get-HostText { Invoke-KubeRollout $purple -WhatIf }
        $result = Invoke-KubeRollout $purple -WarningVariable warnings -WarningAction SilentlyContinue

        $whatIf | Should -Match ([regex]::Escape($expected))
        $result.Action | Should -Be 'Configured'
        @($warnings.Message) | Should -Be @($expected)
        Get-EndpointPod $ns | Should -BeNullOrEmpty
    }

    It 'warns when the new selector matches the pods of both sides' {
        $both = New-ServiceManifest '    app: vweb'

        Invoke-KubeRollout $both -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        @($warnings.Message) | Should -HaveCount 1
        $warnings[0].Message | Should -BeLike 'The selector of service vweb becomes app=vweb, which matches the pods of deployment vweb-blue, deployment vweb-green: the Service sends its traffic to all of them.*'
    }

    It 'says nothing when the new selector reaches one side''s ready pods, as a switch would' {
        Invoke-KubeRollout (Join-Path $bg 'vweb-service-green.yaml') -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        $warnings | Should -BeNullOrEmpty
        Wait-Until { -not (Compare-Object @(Get-EndpointPod $ns) @(Get-ReadyPod $ns green)) } -Because 'the green pods are the endpoints'
    }
}
