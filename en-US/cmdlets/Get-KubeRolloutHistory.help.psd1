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

The table view groups the revisions by workload and fits 120 columns: images are listed one per line and the change
cause is wrapped at word boundaries, never cut. With -Revision N the revision is shown as kubectl rollout history
--revision N shows it: labels, annotations (a Deployment revision's change cause among them, as kubectl shows it),
containers with image, ports, command, resources, probes, environment and mounts, then volumes, node selectors and
tolerations. Format-List shows that view for any revision, and DescribePodTemplate() returns its text.

It takes several names at once and wildcard patterns; without a name it lists the history of every workload of the
namespace (or of every namespace with -AllNamespaces).
'@
    Parameters  = @{
        Revision = 'Returns only this revision, shown as kubectl rollout history --revision N shows it (its pod template described). Tab completes the revisions of the workload named by -Name, newest first.'
        Name     = 'One or more workload names, kubectl''s TYPE/NAME forms (deploy/vweb, sts/todo-db, ds/nginx) or wildcard patterns (''web*'', ''sts/db-*''). A pattern without TYPE/ and without -Kind matches workloads of every kind; an exact name without TYPE/ is a Deployment (or of -Kind). No name: every workload of the namespace (of -Kind, else of every kind), as kubectl get does. Binds from pipeline strings and from the Name property of pipeline objects. Tab completes names from the cluster.'
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
            Title   = 'Look at one revision as kubectl rollout history --revision shows it'
            Code    = 'Get-KubeRolloutHistory deploy/vweb -Revision 2'
            Remarks = 'Shows the revision''s change cause, images and its pod template described; (Get-KubeRolloutHistory deploy/vweb -Revision 2).PodTemplate.Spec.Containers gives the same as objects.'
        }
        @{
            Title   = 'The histories of every workload of a namespace, grouped by workload'
            Code    = 'Get-KubeRolloutHistory -Namespace shop'
            Remarks = 'One group per Deployment, StatefulSet and DaemonSet, oldest revision first.'
        }
    )
    Notes       = 'Error ids: WorkloadNotFound, RevisionNotFound ("unable to find the specified revision"), RevisionInvalid ("revision must be a positive integer: N"), ClusterUnreachable.'
    Links       = @('about_KubeRollout', 'Undo-KubeRollout', 'Compare-KubeRolloutRevision', 'Get-KubeRolloutStatus')
}
