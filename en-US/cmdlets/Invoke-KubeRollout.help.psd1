@{
    Synopsis    = 'Applies manifest files to the cluster, like kubectl apply -f --record, and tells which objects rolled out a new revision.'
    Description = @'
Invoke-KubeRollout applies every object of the given YAML or JSON files (folders and wildcards allowed). Objects are
applied in dependency order: namespaces, secrets, config maps and services before the workloads that use them.

It is all or nothing: every file is read and validated first, then the server checks every object with a dry run;
if any file or object is invalid, nothing is applied and an error names the file and line. Objects in a namespace the
apply creates cannot be checked before the namespace exists: when such an object (or any write) is refused after
others were written, or conflicts are exhausted, what this apply wrote is undone, newest first (the objects it created
are deleted, the objects it changed get their change reverted, keeping what others changed since), and the error
says what was undone. Results are written once the whole apply succeeded.

For each object it outputs what happened (Created, Configured or Unchanged), whether the pod template changed
(RolloutTriggered: a new revision rolls out) and the revision the workload is at. Re-applying an unchanged file
changes nothing and creates no revision.

-ChangeCause records kubernetes.io/change-cause on exactly the workloads whose template changes; when the template
changes without a cause, an old cause is removed so that it is never inherited stale by the new revision. -Record
records the command line instead, as kubectl's --record did.

The apply is kubectl apply's (client-side): the strategic merge patch of the last applied configuration, the
manifest and the live object, sent as kubectl sends it. Only what the previous apply set and the manifest no longer
sets is removed; annotations, labels, list items and fields others set (server defaults, an autoscaler's replicas,
an injected sidecar or env entry) are kept. Lists merge by the keys Kubernetes publishes
(x-kubernetes-patch-merge-key: containers and env by name, container ports by containerPort, volumeMounts by
mountPath, Service ports by port, ...); other lists (args, tolerations, envFrom) are replaced whole; as with kubectl,
a field the manifest stops setting altogether (all of metadata.labels, say) is removed whole. An object kubectl
applied before is taken over from kubectl's record. The configuration of each apply is recorded on the object
(kubectl's annotation too; for a Secret only the module's, with hashes of the values, and kubectl's record, which
holds the values in clear, is removed) and carried by every revision, so after Undo-KubeRollout (or kubectl rollout
undo) the next apply does not bring back fields of the revision that was undone.
'@
    Parameters  = @{
        Path        = 'Manifest files or folders. Wildcards are expanded; a folder yields its .yaml, .yml and .json files.'
        LiteralPath = 'Manifest files or folders, taken literally. Binds to the PSPath of objects from Get-ChildItem.'
        Recurse     = 'Also applies the manifests of sub-folders.'
        ChangeCause = 'The change cause to record (kubernetes.io/change-cause) on the workloads whose pod template changes.'
        Record      = 'Records the command line as the change cause, as kubectl --record did.'
        Wait        = 'Waits until every workload the apply created or changed is rolled out (its controller observed the change and the rollout it started, if any, is complete), with progress; a failed rollout is an error, and so is a changed workload that is paused.'
        RollbackOnFailure = 'With -Wait: when a rollout fails (its progress deadline passes), undoes it to the previous revision, waits for that, writes the undo to the pipeline and reports the failure as RolloutRolledBack with the failing pods'' state.'
        Timeout     = 'With -Wait: how long to wait (2s, 5m, a number of seconds or a TimeSpan). Default: no limit.'
        Namespace   = 'The namespace for objects whose manifest names none. Default: the kubeconfig context''s namespace, else "default".'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Paths, by value to -Path or by the PSPath property to -LiteralPath (files from Get-ChildItem).' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Apply.ApplyResult'; Description = 'One per object: Kind, Namespace, Name, Action, RolloutTriggered, Revision, ChangeCause, Changes (the template changes).' }
    )
    Examples    = @(
        @{
            Title   = 'Roll out a new version with a change cause and wait for it'
            Code    = 'Invoke-KubeRollout ./examples/vweb/update/vweb-v2.0.yaml -ChangeCause "vweb 2.0: nginx 1.27" -Wait -Timeout 2m'
            Remarks = 'Applies the Deployment, records the cause on the new revision only, and waits for the rollout with a progress bar.'
        }
        @{
            Title   = 'See what an apply would do'
            Code    = 'Invoke-KubeRollout ./examples/todo-db -Recurse -WhatIf'
            Remarks = 'Reads, validates and compares every object with the cluster and tells, per object, whether it would be created, configured (with or without a rollout, and which template fields change) or left unchanged. Nothing is sent.'
        }
        @{
            Title   = 'Apply the files of a folder from the pipeline and keep the workloads that rolled out'
            Code    = 'Get-ChildItem ./examples/todo-proxy -Filter *.yaml | Invoke-KubeRollout | Where-Object RolloutTriggered | Wait-KubeRollout'
            Remarks = 'ApplyResult objects bind to Wait-KubeRollout by Kind, Name and Namespace.'
        }
    )
    Notes       = 'Error ids: ManifestFileNotFound, ManifestFileUnreadable, ManifestYamlInvalid, ManifestTooDeep, ManifestTooLarge (LimitsExceeded), ManifestNotAnObject, ManifestKindMissing, ManifestKindUnknown, ManifestFieldInvalid, ManifestNameMissing, ManifestInvalid, PathNotFileSystem, ApplyKubeApiInvalid (and other ApplyKubeApi<Reason>; the message ends with what was undone), ApplyMergeFailed, RollbackNeedsWait, ChangeCauseConflict, ClusterUnreachable, ClusterTimeout, ClusterResponseInvalid, KubeConfigNotFound, KubeConfigInvalid, RolloutFailed, RolloutRolledBack, RolloutTimeout. Errors about a cluster object carry only its kind, namespace and name as the TargetObject.'
    Links       = @('about_KubeRollout', 'Get-KubeManifest', 'Wait-KubeRollout', 'Get-KubeRolloutHistory')
}
