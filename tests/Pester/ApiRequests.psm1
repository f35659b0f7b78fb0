# Counts the requests a command sends to the API server, from the server's own apiserver_request_total (read with
# kubectl get --raw /metrics). Used by the API-call tests and the benchmarks; meaningful on an API server that no
# other client talks to meanwhile (a sandbox of the caller's own).

# Every apiserver_request_total series as objects (Verb, Resource, Subresource, Scope, Code, Count) and whether
# any watch is still open (open watches are counted only once they end).
function Get-ApiRequestCount {
    param([Parameter(Mandatory)] [string] $KubeConfig, [string] $Kubectl = 'kubectl')
    $text = & $Kubectl --kubeconfig $KubeConfig get --raw /metrics
    if ($LASTEXITCODE -ne 0) { throw "kubectl get --raw /metrics failed (exit code $LASTEXITCODE)." }
    $series = foreach ($line in $text) {
        if ($line -notmatch '^(apiserver_request_total|apiserver_longrunning_requests)\{(.*)\} (\S+)$') { continue }
        $metric, $value = $Matches[1], [double]$Matches[3]
        $labels = @{}
        foreach ($pair in [regex]::Matches($Matches[2], '(\w+)="((?:[^"\\]|\\.)*)"')) { $labels[$pair.Groups[1].Value] = $pair.Groups[2].Value }
        [pscustomobject]@{
            Metric = $metric; Verb = $labels.verb; Resource = $labels.resource; Subresource = $labels.subresource
            Scope = $labels.scope; Code = $labels.code; Count = $value
        }
    }
    [pscustomobject]@{
        Requests     = @($series | Where-Object Metric -eq 'apiserver_request_total')
        OpenWatches  = [int](($series | Where-Object Metric -eq 'apiserver_longrunning_requests' | Measure-Object Count -Sum).Sum)
    }
}

# Runs $ScriptBlock and returns what it sent: one object per verb and resource with the number of requests, and the
# total. The server counts a watch when it ends: the count starts once the watches of earlier commands have ended
# and stops once those the command opened have ended (at most $SettleSeconds each).
function Measure-ApiRequest {
    param(
        [Parameter(Mandatory)] [string] $KubeConfig,
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        [string] $Kubectl = 'kubectl',
        [double] $SettleSeconds = 10
    )
    $before = Wait-NoOpenWatch -KubeConfig $KubeConfig -Kubectl $Kubectl -Seconds $SettleSeconds
    $output = & $ScriptBlock
    $after = Wait-NoOpenWatch -KubeConfig $KubeConfig -Kubectl $Kubectl -Seconds $SettleSeconds

    $counted = @{}
    foreach ($sample in $before.Requests) { $counted[(Get-CallName $sample)] -= $sample.Count }
    foreach ($sample in $after.Requests) { $counted[(Get-CallName $sample)] += $sample.Count }
    $calls = foreach ($name in $counted.Keys | Sort-Object) {
        if ($counted[$name] -gt 0) {
            $verb, $resource = $name -split ' ', 2
            [pscustomobject]@{ Verb = $verb; Resource = $resource; Count = [int]$counted[$name] }
        }
    }
    [pscustomobject]@{
        Calls  = @($calls)
        Total  = [int](($calls | Measure-Object Count -Sum).Sum)
        Output = $output
    }
}

# The counts once no watch is open (or as they are when $Seconds have passed).
function Wait-NoOpenWatch([string] $KubeConfig, [string] $Kubectl, [double] $Seconds) {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ($true) {
        $counts = Get-ApiRequestCount -KubeConfig $KubeConfig -Kubectl $Kubectl
        if ($counts.OpenWatches -eq 0 -or [DateTime]::UtcNow -ge $deadline) { return $counts }
        Start-Sleep -Milliseconds 50
    }
}

# "VERB resource" ("GET deployments", "LIST replicasets", "GET /apis" for a path that is no resource).
function Get-CallName($Sample) {
    if ($Sample.Resource) { "$($Sample.Verb) $($Sample.Resource)$(if ($Sample.Subresource) { "/$($Sample.Subresource)" })" }
    else { "$($Sample.Verb) /$($Sample.Subresource.TrimStart('/'))" }
}

Export-ModuleMember -Function Get-ApiRequestCount, Measure-ApiRequest
