@{
    Synopsis    = 'Prunes the versioned ConfigMaps and Secrets that no retained revision references any more.'
    Description = @'
Invoke-KubeRollout -VersionConfig applies each ConfigMap and Secret as an immutable version named by its content
(NAME-HASH, labelled kuberollout.io/config-version) and never deletes old versions, so that every revision the
history still offers can be rolled back to with its configuration. Remove-KubeConfigVersion deletes the versions that
nothing needs any more and keeps the others.

A version is kept while any of these in its namespace references it: the live pod template of a Deployment,
StatefulSet or DaemonSet; a revision its controller retains (ReplicaSets and ControllerRevisions within the workload's
revisionHistoryLimit, and any revision still in use: the current one, one with replicas or pods); a pod; a Job or
CronJob. Only versions are candidates: ConfigMaps and Secrets this module did not make as versions are never deleted.
Versions kept are named in verbose messages with what references them.

Use -WhatIf to see what would be deleted, -Confirm to decide one by one.
'@
    Parameters  = @{
        Name      = 'Only versions of these names: the name a version is of (vweb-config) or a version''s own name (vweb-config-6c7h9k2m8f). Wildcards are allowed. Default: every version in the namespace. Binds from pipeline strings and from the Name property of pipeline objects.'
        Kind      = 'Only ConfigMap or only Secret versions. Default: both.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Names, by value or by the Name property of pipeline objects; Namespace binds by property name.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Releases.Config.ConfigVersionUsage'; Description = 'One per version removed: Kind, Namespace, Name, VersionOf, Created, Removed.' }
    )
    Examples    = @(
        @{
            Title   = 'See which versions of vweb-config can go'
            Code    = 'Remove-KubeConfigVersion vweb-config -WhatIf -Verbose'
            Remarks = 'Lists the versions it would delete (What if) and, as verbose messages, the ones it keeps and what references them. Nothing is deleted.'
        }
        @{
            Title   = 'Prune every unreferenced config version of a namespace'
            Code    = 'Remove-KubeConfigVersion -Namespace shop'
            Remarks = 'Deletes the ConfigMap and Secret versions that no live template, retained revision, pod, Job or CronJob of namespace shop references.'
        }
    )
    Notes       = 'Error ids: ClusterUnreachable, ClusterTimeout, KubeConfigNotFound, KubeConfigInvalid, KubeApiForbidden (and other KubeApi<Reason> errors of the cluster). Secret values are never read into output, errors or verbose messages.'
    Links       = @('about_KubeRollout', 'Invoke-KubeRollout', 'Get-KubeRolloutHistory')
}
