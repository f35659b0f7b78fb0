@{
    Synopsis    = 'Shows what differs between two revisions of a workload: template fields and the data of the ConfigMaps and Secrets they reference.'
    Description = @'
Compare-KubeRolloutRevision compares two revisions of a Deployment, StatefulSet or DaemonSet, as Get-KubeRolloutHistory
lists them. It returns one object per difference:

- a field of the pod template (Area "template"), such as spec.containers[web].image or
  spec.volumes[site].configMap.name;
- a key of the data of the ConfigMaps and Secrets the two revisions reference in the same place (a volume, an env
  key reference, an envFrom of a container) when they reference different objects there, as with versioned
  configuration (Invoke-KubeRollout -VersionConfig): Area "configmap OLD -> NEW" and the key added, changed or
  removed. A Secret's values are never shown, not even hashed (ValueHidden).

By default the current revision is compared with the one before it, so you see what the last rollout changed, or,
before an Undo-KubeRollout, what going back would change, configuration included. A ConfigMap or Secret that a
revision references and that no longer exists is reported in a warning: that revision's pods could not start, and
Undo-KubeRollout refuses to go back to it without -Force.

kubectl has no counterpart: kubectl rollout history --revision N shows one template, and the data of ConfigMaps
is not part of any revision.
'@
    Parameters  = @{
        ReferenceRevision  = 'The revision to compare with (the "from" side). Default: the revision before DifferenceRevision.'
        DifferenceRevision = 'The revision compared (the "to" side). Default: the current revision. Alias Revision, so revisions from Get-KubeRolloutHistory bind to it.'
    }
    Inputs      = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutRevision'; Description = 'Revisions from Get-KubeRolloutHistory bind by Kind, Name, Namespace and Revision; strings bind to -Name.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Releases.Config.RevisionDifference'; Description = 'Kind, Namespace, Name, ReferenceRevision, DifferenceRevision, Area, Field, Change (Added, Removed, Changed), From, To, ValueHidden.' }
    )
    Examples    = @(
        @{
            Title   = 'See what the last rollout changed, configuration included'
            Code    = 'Compare-KubeRolloutRevision vweb'
            Remarks = 'With versioned configuration this lists, for example, template  Changed  spec.volumes[site].configMap.name  vweb-config-5t2b4gkg7d -> vweb-config-6c7h9k2m8f, and configmap vweb-config-5t2b4gkg7d -> vweb-config-6c7h9k2m8f  Changed  release  v4.0 -> v4.1.'
        }
        @{
            Title   = 'See what an undo to revision 2 would change'
            Code    = 'Compare-KubeRolloutRevision deploy/vweb -ReferenceRevision 4 -DifferenceRevision 2'
            Remarks = 'From the current revision 4 to revision 2: the template fields and the configuration data that would come back.'
        }
        @{
            Title   = 'Walk through the whole history'
            Code    = 'Get-KubeRolloutHistory vweb | Select-Object -Skip 1 | Compare-KubeRolloutRevision'
            Remarks = 'Each revision binds by its Revision property and is compared with the revision before it.'
        }
    )
    Notes       = 'Error ids: WorkloadNotFound, RevisionNotFound (a revision that is not in the history, or no revision before the one compared), NoRolloutHistory, ClusterUnreachable. Secret values never appear in output, warnings, errors or verbose messages.'
    Links       = @('about_KubeRollout', 'Get-KubeRolloutHistory', 'Undo-KubeRollout', 'Invoke-KubeRollout')
}
