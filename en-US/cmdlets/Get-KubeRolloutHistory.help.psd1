@{
    Synopsis    = 'Lists the revisions of a workload, like kubectl rollout history.'
    Description = @'
Get-KubeRolloutHistory returns one object per revision, oldest first: its number, change cause, images, creation
time, whether it is the current one, the ReplicaSet (or ControllerRevision) that holds it, earlier numbers it had
before undos re-used it, its full pod template, and the ConfigMaps and Secrets its pods use (volumes, projected
volumes, env, envFrom, imagePullSecrets): with versioned configuration (Invoke-KubeRollout -VersionConfig), the
config versions each revision runs with. Compare-KubeRolloutRevision shows how two revisions differ, data included.

A Deployment's revisions are the ReplicaSets it controls; each one's revision is its
deployment.kubernetes.io/revision annotation and its change cause the kubernetes.io/change-cause annotation.
After an undo the restored revision gets the next number, so history 1,2,3 becomes 1,3,4.
'@
    Parameters  = @{
        Revision = 'Returns only this revision, with its pod template (kubectl rollout history --revision N).'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Workload names, or objects with Kind, Name and Namespace properties.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutRevision'; Description = 'Revision, ChangeCause, Images, Created, IsCurrent, Source, PreviousRevisions, Replicas, PodTemplate, ConfigMaps, Secrets.' }
    )
    Examples    = @(
        @{
            Title   = 'Show the history of a Deployment'
            Code    = 'Get-KubeRolloutHistory vweb'
            Remarks = 'Lists the revisions of deployment vweb with their change causes and images; the current one is marked.'
        }
        @{
            Title   = 'Go back to the revision whose change cause mentions v2'
            Code    = 'Get-KubeRolloutHistory vweb | Where-Object ChangeCause -like ''*v2*'' | Undo-KubeRollout'
            Remarks = 'The revision object binds to Undo-KubeRollout by Kind, Name, Namespace and Revision.'
        }
        @{
            Title   = 'Look at the containers of one revision'
            Code    = '(Get-KubeRolloutHistory deploy/vweb -Revision 2).PodTemplate.Spec.Containers'
            Remarks = 'Like kubectl rollout history deploy/vweb --revision=2, as objects.'
        }
    )
    Notes       = 'Error ids: WorkloadNotFound, RevisionNotFound ("unable to find the specified revision"), RevisionInvalid ("revision must be a positive integer: N"), ClusterUnreachable.'
    Links       = @('about_KubeRollout', 'Undo-KubeRollout', 'Compare-KubeRolloutRevision', 'Get-KubeRolloutStatus')
}
