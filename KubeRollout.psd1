@{
    RootModule           = 'KubeRollout.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '0d6c1a3e-5b7f-4f2a-9c5e-8e1f7a2b4c61'
    Author               = 'KubeRollout contributors'
    CompanyName          = 'KubeRollout'
    Copyright            = '(c) KubeRollout contributors. Apache License 2.0.'
    Description          = 'Kubernetes rollouts and rollbacks as PowerShell cmdlets: apply with change causes, history, status and wait, undo, pause, resume, restart, update strategies and rollout plans, StatefulSet partitions in stages, DaemonSet and OnDelete updates, versioned ConfigMaps and Secrets whose changes roll out and roll back, blue-green switches of a Service between two Deployments (checked, verified, recorded and reversible), with typed objects in the pipeline and a local sandbox cluster to rehearse on.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    TypesToProcess       = @('Types/KubeRollout.Types.ps1xml')
    FormatsToProcess     = @(
        'Formats/ManifestObject.Format.ps1xml'
        'Formats/ApplyResult.Format.ps1xml'
        'Formats/RolloutRevision.Format.ps1xml'
        'Formats/RolloutStatus.Format.ps1xml'
        'Formats/UndoResult.Format.ps1xml'
        'Formats/RolloutActionResult.Format.ps1xml'
        'Formats/TemplateChange.Format.ps1xml'
        'Formats/RolloutStrategy.Format.ps1xml'
        'Formats/RolloutPlanStep.Format.ps1xml'
        'Formats/PartitionStepResult.Format.ps1xml'
        'Formats/PodReplacement.Format.ps1xml'
        'Formats/BlueGreenStatus.Format.ps1xml'
        'Formats/BlueGreenSwitchResult.Format.ps1xml'
        'Formats/BlueGreenSwitchRecord.Format.ps1xml'
        'Formats/SandboxInfo.Format.ps1xml'
        'Formats/ConfigKeyChange.Format.ps1xml'
        'Formats/ConfigDependent.Format.ps1xml'
        'Formats/RevisionDifference.Format.ps1xml'
        'Formats/ConfigVersionUsage.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Get-KubeManifest'
        'Invoke-KubeRollout'
        'Get-KubeRolloutHistory'
        'Compare-KubeRolloutRevision'
        'Get-KubeRolloutStatus'
        'Wait-KubeRollout'
        'Undo-KubeRollout'
        'Suspend-KubeRollout'
        'Resume-KubeRollout'
        'Restart-KubeRollout'
        'Set-KubeRolloutStrategy'
        'Get-KubeRolloutPlan'
        'Set-StatefulSetPartition'
        'Update-KubeRolloutPod'
        'Remove-KubeConfigVersion'
        'Switch-KubeBlueGreen'
        'Get-KubeBlueGreen'
        'Start-KubeSandbox'
        'Stop-KubeSandbox'
        'Get-KubeSandbox'
    )
    FunctionsToExport    = @()
    # Set-StatefulSetPartition's name is fixed by the design; its alias carries the module's common prefix, so that
    # $PSDefaultParameterValues['*-Kube*:KubeConfig'] reaches it as it reaches every other cmdlet.
    AliasesToExport      = @('Set-KubeStatefulSetPartition')
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Kubernetes', 'kubectl', 'Rollout', 'Rollback', 'Deployment', 'StatefulSet', 'DaemonSet', 'BlueGreen', 'DevOps', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ReleaseNotes = @'
0.1.0, first preview:
- Invoke-KubeRollout: apply files and folders all or nothing (a failed apply undoes what it wrote), with kubectl
  apply's three-way merge that keeps what others wrote, change causes (-ChangeCause, -Record), -Wait,
  -RollbackOnFailure and -WhatIf from the server's dry run with every field and data key that changes.
- Configuration: a ConfigMap or Secret changed in place is shown key by key (Secret values never) with the workloads
  that read it (-RestartDependents restarts them); -VersionConfig applies config as immutable versions named by
  content hash and rewrites references, so config changes roll out and roll back; Compare-KubeRolloutRevision,
  Remove-KubeConfigVersion; Undo-KubeRollout refuses a revision whose config is gone (unless -Force).
- Get-KubeRolloutHistory, Get-KubeRolloutStatus, Wait-KubeRollout, Undo-KubeRollout, Suspend-, Resume- and
  Restart-KubeRollout for Deployments, StatefulSets and DaemonSets, with kubectl's messages.
- Set-KubeRolloutStrategy, Get-KubeRolloutPlan, Set-StatefulSetPartition (staged), Update-KubeRolloutPod (OnDelete).
- Switch-KubeBlueGreen and Get-KubeBlueGreen: blue-green releases of two Deployments behind one Service, switched
  only to a side that is fully available, with -Verify, -Wait for the endpoints, a recorded history, -Back, and an
  optional scale-down of the old side.
- Get-KubeManifest (bounded: depth, size, aliases); Start-, Stop- and Get-KubeSandbox: a local cluster that kubectl
  works against, with Endpoints and EndpointSlices, Jobs that run their pods to completion, the Ingresses, NetworkPolicies, PodDisruptionBudgets,
  HorizontalPodAutoscalers and RBAC objects an application carries (stored, not enforced), and kube-apiserver's request metrics on /metrics (requests by
  verb, resource and code, open watches, latency), which keeps its objects in its folder across restarts and
  crashes (-Fresh starts empty), writes its own log there, keeps its secret files readable by their owner only and
  refuses hostile requests as an API server does, choosing TLS cipher suites in kube-apiserver's order (AES-128-GCM
  first); its Events expire an hour after their last write (as with
  kube-apiserver's --event-ttl), and it holds 10,000 running pods in about 260 MB once quiet. Kubeconfigs are loaded and merged as kubectl does.
- Names as lists and wildcard patterns (reading cmdlets; no name = every workload, -AllNamespaces); Tab completion of
  workloads, namespaces, contexts, nodes and revisions, cached and bounded; views that fit 120 columns (history
  grouped by workload, a revision described as kubectl rollout history --revision does, status with the whole
  message); the alias Set-KubeStatefulSetPartition, so that '*-Kube*' defaults reach every cmdlet.
- Get-KubeManifest | Invoke-KubeRollout applies the piped objects in one transaction; apply results show the
  revision of StatefulSets and DaemonSets; an apply warns about a Recreate rollout's downtime and about a Service
  selector that reaches no ready pod or several workloads; failures and timeouts of every kind and strategy name the
  pods' state.
'@
        }
    }
}
