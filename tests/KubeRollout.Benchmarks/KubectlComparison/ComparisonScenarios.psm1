# The cluster state the module and kubectl are compared on: a Deployment with a long history among many ReplicaSets,
# a fleet of Deployments that roll at once, and a folder of manifests to apply. Built with kubectl only, so that
# neither side is measured on objects the other's own code wrote.

$script:Fleet = $null

function New-BenchNamespace([Parameter(Mandatory)] [string] $Name) {
    $null = Invoke-Kubectl create namespace $Name
}

# A Deployment with $Revisions revisions (each a new image and change cause, none pruned), among $ReplicaSets
# ReplicaSets in its namespace: the others belong to other apps and run no pods.
function New-HistoryScenario {
    param(
        [Parameter(Mandatory)] [string] $Namespace,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $WorkFolder,
        [int] $Revisions = 50,
        [int] $ReplicaSets = 2000
    )
    New-BenchNamespace $Namespace
    $manifest = Join-Path $WorkFolder "$Name.yaml"
    Set-Content -LiteralPath $manifest -Value @"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $Name
  annotations: { kubernetes.io/change-cause: "release v1" }
spec:
  replicas: 1
  revisionHistoryLimit: $($Revisions + 10)
  selector: { matchLabels: { app: $Name } }
  template:
    metadata: { labels: { app: $Name } }
    spec: { containers: [ { name: app, image: "bench/$($Name):v1" } ] }
"@
    $null = Invoke-Kubectl apply -f $manifest -n $Namespace
    Wait-Revision -Namespace $Namespace -Name $Name
    for ($revision = 2; $revision -le $Revisions; $revision++) {
        $patch = @{
            metadata = @{ annotations = @{ 'kubernetes.io/change-cause' = "release v$revision" } }
            spec     = @{ template = @{ spec = @{ containers = @(@{ name = 'app'; image = "bench/$($Name):v$revision" }) } } }
        } | ConvertTo-Json -Depth 10 -Compress
        $null = Invoke-Kubectl patch deployment $Name -n $Namespace --type strategic -p $patch
        # Each template change must be seen before the next, or the controller makes one revision of several.
        Wait-Revision -Namespace $Namespace -Name $Name
    }

    $others = Join-Path $WorkFolder "$Name-others.yaml"
    Set-Content -LiteralPath $others -Value (@(for ($index = 1; $index -le $ReplicaSets - $Revisions; $index++) {
        @"
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: other-$index, labels: { app: other-$index } }
spec:
  replicas: 0
  selector: { matchLabels: { app: other-$index } }
  template:
    metadata: { labels: { app: other-$index } }
    spec: { containers: [ { name: app, image: "bench/other:v1" } ] }
"@
    }) -join "`n---`n")
    $null = Invoke-Kubectl create -f $others -n $Namespace
    $count = @(Invoke-Kubectl get replicasets -n $Namespace -o name).Count
    if ($count -ne $ReplicaSets) { throw "The history scenario has $count ReplicaSets instead of $ReplicaSets." }
}

# Waits until the Deployment's controller has seen its latest template (and so made its ReplicaSet).
function Wait-Revision([string] $Namespace, [string] $Name) {
    $deadline = [DateTime]::UtcNow.AddMinutes(1)
    while ($true) {
        $generation, $observed = (Invoke-Kubectl get deployment $Name -n $Namespace -o 'jsonpath={.metadata.generation} {.status.observedGeneration}') -split ' '
        if ($observed -and [long]$observed -ge [long]$generation) { return }
        if ([DateTime]::UtcNow -ge $deadline) { throw "deployment/$Name did not observe generation $generation within a minute." }
        Start-Sleep -Milliseconds 20
    }
}

# $Count Deployments named <prefix>-1 … <prefix>-N of $Replicas replicas each, created at once.
function New-FleetScenario {
    param(
        [Parameter(Mandatory)] [string] $Namespace,
        [Parameter(Mandatory)] [string] $Prefix,
        [Parameter(Mandatory)] [string] $WorkFolder,
        [int] $Count = 100,
        [int] $Replicas = 2
    )
    New-BenchNamespace $Namespace
    $script:Fleet = @{ Namespace = $Namespace; Prefix = $Prefix; Manifest = Join-Path $WorkFolder "$Prefix.yaml"; Count = $Count; Replicas = $Replicas }
    Write-FleetManifest -Version 0 -MinReadySeconds 0
    $null = Invoke-Kubectl apply -f $Fleet.Manifest -n $Namespace
}

# Starts a rollout of every Deployment of the fleet at once (a new image for all, one kubectl call).
function Start-FleetRollout([int] $Version) {
    $null = Invoke-Kubectl set image deployment --all "app=bench/$($Fleet.Prefix):v$Version" -n $Fleet.Namespace
}

# Starts a rollout of the fleet that lasts seconds (each new pod counts as available only after $MinReadySeconds of
# simulated time), so that a wait started after it is still waiting: for counting the calls of a whole wait.
function Start-SlowFleetRollout([int] $Version, [int] $MinReadySeconds = 300) {
    Write-FleetManifest -Version $Version -MinReadySeconds $MinReadySeconds
    $null = Invoke-Kubectl apply -f $Fleet.Manifest -n $Fleet.Namespace
}

function Write-FleetManifest([int] $Version, [int] $MinReadySeconds) {
    Set-Content -LiteralPath $Fleet.Manifest -Value (@(for ($index = 1; $index -le $Fleet.Count; $index++) {
        @"
apiVersion: apps/v1
kind: Deployment
metadata: { name: $($Fleet.Prefix)-$index }
spec:
  replicas: $($Fleet.Replicas)
  minReadySeconds: $MinReadySeconds
  selector: { matchLabels: { app: $($Fleet.Prefix)-$index } }
  template:
    metadata: { labels: { app: $($Fleet.Prefix)-$index } }
    spec: { containers: [ { name: app, image: "bench/$($Fleet.Prefix):v$Version" } ] }
"@
    }) -join "`n---`n")
}

# A folder of 50 manifests, one object each, as a release keeps them: 20 apps with a Deployment and a Service, and
# 10 ConfigMaps that 10 of the apps read. $Version goes into every image and ConfigMap, so each version changes
# 20 Deployments and 10 ConfigMaps and leaves the Services as they are.
function Write-ApplyFolder([string] $Path, [int] $Version) {
    if (Test-Path $Path) { Remove-Item $Path -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $Path
    for ($index = 1; $index -le 20; $index++) {
        $envFrom = if ($index -le 10) { "`n        envFrom: [ { configMapRef: { name: settings-$index } } ]" } else { '' }
        Set-Content -LiteralPath (Join-Path $Path "app-$index-deployment.yaml") -Value @"
apiVersion: apps/v1
kind: Deployment
metadata: { name: app-$index, labels: { app: app-$index } }
spec:
  replicas: 1
  selector: { matchLabels: { app: app-$index } }
  template:
    metadata: { labels: { app: app-$index } }
    spec:
      containers:
      - name: app
        image: bench/app-$($index):v$Version
        ports: [ { containerPort: 8080 } ]$envFrom
"@
        Set-Content -LiteralPath (Join-Path $Path "app-$index-service.yaml") -Value @"
apiVersion: v1
kind: Service
metadata: { name: app-$index }
spec:
  selector: { app: app-$index }
  ports: [ { port: 80, targetPort: 8080 } ]
"@
    }
    for ($index = 1; $index -le 10; $index++) {
        Set-Content -LiteralPath (Join-Path $Path "settings-$index.yaml") -Value @"
apiVersion: v1
kind: ConfigMap
metadata: { name: settings-$index }
data: { release: "v$Version", log-level: info }
"@
    }
}

Export-ModuleMember -Function New-BenchNamespace, New-HistoryScenario, New-FleetScenario, Start-FleetRollout, Start-SlowFleetRollout, Write-ApplyFolder
