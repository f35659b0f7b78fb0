<#
.SYNOPSIS
    A release runbook: applies a release's manifests, waits for the rollout, and rolls back a release that fails.
.DESCRIPTION
    Returns the status of every workload the release changed. A release whose rollout fails (its progress deadline
    passes) is undone to the previous revision, waited for, and reported as an error (RolloutRolledBack); one that
    is still rolling out after -Timeout is reported as an error (RolloutTimeout) and left as it is.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string[]] $Path,
    [string] $ChangeCause,
    [string] $Timeout = '2m'
)

$apply = @{ Path = $Path; Wait = $true; RollbackOnFailure = $true; Timeout = $Timeout }
if ($ChangeCause) { $apply.ChangeCause = $ChangeCause }
# Invoke-KubeRollout writes one ApplyResult per object, and the undo of a release it rolled back. Its errors become
# this runbook's errors, so that a caller's -ErrorVariable and -ErrorAction see them.
$results = @(Invoke-KubeRollout @apply -ErrorAction SilentlyContinue -ErrorVariable failures |
        Where-Object { $_.PSObject.TypeNames[0] -eq 'KubeRollout.Core.Apply.ApplyResult' })
$failures | ForEach-Object { $PSCmdlet.WriteError($_) }
$results | Where-Object { $_.Kind -in 'Deployment', 'StatefulSet', 'DaemonSet' -and $_.Action -ne 'Unchanged' } |
    Get-KubeRolloutStatus
