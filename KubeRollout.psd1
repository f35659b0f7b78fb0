@{
    RootModule           = 'KubeRollout.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '0d6c1a3e-5b7f-4f2a-9c5e-8e1f7a2b4c61'
    Author               = 'KubeRollout contributors'
    CompanyName          = 'KubeRollout'
    Copyright            = '(c) KubeRollout contributors. Apache License 2.0.'
    Description          = 'Kubernetes rollouts and rollbacks as PowerShell cmdlets: apply with change causes, history, status and wait, undo, pause, resume, restart, update strategies, StatefulSet partitions, DaemonSets and blue-green switches, with typed objects in the pipeline and a local sandbox cluster to rehearse on.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
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
        'Formats/SandboxInfo.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Get-KubeManifest'
        'Invoke-KubeRollout'
        'Get-KubeRolloutHistory'
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
        'Start-KubeSandbox'
        'Stop-KubeSandbox'
        'Get-KubeSandbox'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Kubernetes', 'kubectl', 'Rollout', 'Rollback', 'Deployment', 'StatefulSet', 'DaemonSet', 'BlueGreen', 'DevOps', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://example.invalid/kuberollout/LICENSE'
            ProjectUri   = 'https://example.invalid/kuberollout'
            ReleaseNotes = 'First preview: manifest reading and validation.'
        }
    }
}
