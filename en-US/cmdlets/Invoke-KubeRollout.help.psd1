@{
    Synopsis    = 'Applies manifest files, or manifest objects from Get-KubeManifest, to the cluster, like kubectl apply -f --record, and tells which objects rolled out a new revision.'
    Description = @'
Invoke-KubeRollout applies every object of the given YAML or JSON files (folders and wildcards allowed), or the
manifest objects piped in from Get-KubeManifest (Get-KubeManifest ./app.yaml | Invoke-KubeRollout): every object of
the pipeline is collected and they are applied together, once the pipeline has ended, exactly as the objects of files
are. Objects are applied in dependency order: namespaces, secrets, config maps and services before the workloads that
use them.

It is all or nothing: every file is read and validated first, then the server checks every object with a dry run;
if any file or object is invalid, nothing is applied and an error names the file and line (piped objects are
checked again from their Json, which is what is sent, since a script may have changed it on the way; anything else
piped is taken as a path, as before, and paths and manifest objects may come in the same pipeline). A file Get-KubeManifest cannot read is an error of Get-KubeManifest
and its objects never reach Invoke-KubeRollout: to apply nothing in that case too, use
Get-KubeManifest -ErrorAction Stop, or give the files to Invoke-KubeRollout. Objects in a namespace the
apply creates cannot be checked before the namespace exists: when such an object (or any write) is refused after
others were written, or conflicts are exhausted, what this apply wrote is undone, newest first (the objects it created
are deleted, the objects it changed get their change reverted, keeping what others changed since), and the error
says what was undone. Results are written once the whole apply succeeded.

For each object it outputs what happened (Created, Configured or Unchanged), whether the pod template changed
(RolloutTriggered: a new revision rolls out), the revision the workload is at (for a Deployment the one its
ReplicaSet has, for a StatefulSet or DaemonSet the number of the ControllerRevision of its template, as kubectl
rollout history shows it; read once the controller has observed the change), and what changed: Changes lists every
field the server's dry run changes (spec.replicas, spec.strategy.type, a Service's spec.selector, pod template
fields, labels, annotations), DataChanges the keys of a ConfigMap's or Secret's data added, changed and removed (a
Secret's values are never shown, not even hashed). Re-applying an unchanged file changes nothing and creates no
revision.

-WhatIf shows all of this per object before anything is written, computed by the server (a dry run of every object),
so what the server would refuse is an error under -WhatIf too; -Confirm asks per object with the same text.

It warns (in the -WhatIf and -Confirm text too) where an apply hurts the running application:

- A Deployment that rolls out with the Recreate strategy while its pods run (whether the manifest or
  Set-KubeRolloutStrategy chose Recreate): "deployment/NAME rolls out with the Recreate strategy: all N of its pods are
  stopped before any new one starts, so the application is down until the new pods are ready." A manifest that
  switches a Deployment to Recreate without rolling out warns about the next rollouts.
- A Service whose selector changes to one that matches no ready pod ("The selector of service NAME becomes
  SELECTOR, which matches no ready pod: the Service will have no endpoints, and requests to it fail until pods with
  these labels are ready."), or the pods of several workloads ("..., which matches the pods of deployment A,
  deployment B: the Service sends its traffic to all of them."). These are the rules Switch-KubeBlueGreen switches
  by; workloads of the same apply whose pods will match count as coming.

With -Wait, a rollout that fails (its progress deadline passes) or does not finish within -Timeout is an error that
names the state of the pods it waits for (CrashLoopBackOff with restarts and last exit code, ImagePullBackOff,
CreateContainerConfigError, ...; at most ten pods), for every strategy and workload kind; for a Recreate rollout that
waits for old pods to be gone, those pods (Terminating). A StatefulSet or DaemonSet is waited for as kubectl rollout
status waits: a StatefulSet scale-up until every new pod is Ready.

Configuration, two ways (the chapter's two cases):

- In place (the default): a ConfigMap or Secret keeps its name and gets new data. The pod template does not change,
  so nothing rolls out and no revision records the change: running pods keep the old values in their environment
  (env is read when a container starts) and get new files in their volumes only later, and Undo-KubeRollout cannot
  bring the old data back. Invoke-KubeRollout warns about it, naming every Deployment, StatefulSet and DaemonSet of
  the namespace that references the object (volumes, projected volumes, env, envFrom, init containers) in the result's
  Dependents. -RestartDependents restarts exactly those (as Restart-KubeRollout does, with a change cause), so the
  new data rolls out as a recorded revision. Use it for settings that may change for every pod at once and need no
  way back.
- Versioned (-VersionConfig): each ConfigMap and Secret of the apply is applied as an immutable object named
  NAME-HASH, the 10-character content hash kustomize's configMapGenerator and kubectl create configmap --append-hash
  compute (of the object as sent, immutable: true included), and every reference to NAME in the workloads of the same
  apply is rewritten to it. A config change then changes the pod template: a rollout with a change cause (-ChangeCause,
  or "config configmap NAME-HASH (was NAME-OLDHASH)"), history (Get-KubeRolloutHistory lists each revision's ConfigMaps
  and Secrets) and undo (Undo-KubeRollout brings the old version back, which still exists). Unchanged content gives
  the same name: nothing changes, nothing rolls out. Old versions are never deleted by the apply; Remove-KubeConfigVersion
  prunes those no retained revision references. Use it whenever a config change should be rolled out gradually and be
  undoable.

Before anything is written the apply is refused (nothing applied) when a workload needs a ConfigMap, Secret or key
that neither the apply nor the namespace has (ConfigReferenceMissing, naming the workload and each reference; optional
references and imagePullSecrets do not count), or when it would change the data of an immutable ConfigMap or Secret
(ConfigImmutable).

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
        InputObject = 'Manifest objects from Get-KubeManifest, from the pipeline or as an array. All objects of the pipeline (and the files of paths piped with them) are applied in one transaction when it ends, as the objects of files are. The objects'' own namespaces are kept; -Namespace (given on the command line or as a default) is the namespace of those that name none.'
        Recurse     = 'Also applies the manifests of sub-folders.'
        ChangeCause = 'The change cause to record (kubernetes.io/change-cause) on the workloads whose pod template changes.'
        Record      = 'Records the command line as the change cause, as kubectl --record did.'
        Wait        = 'Waits until every workload the apply created or changed is rolled out (its controller observed the change and the rollout it started, if any, is complete), with progress; a failed rollout is an error, and so is a changed workload that is paused.'
        RollbackOnFailure = 'With -Wait: when a rollout fails (a Deployment''s progress deadline passes; for a StatefulSet or DaemonSet, which have none, -Timeout passes before it completes, as Helm''s --atomic judges), undoes it to the previous revision (for a StatefulSet that starts pods in order, also deleting its pods of the failed revision that are not ready, which it would wait for: Kubernetes'' forced rollback), waits for that, writes the undo to the pipeline and reports the failure as RolloutRolledBack with the failing pods'' state.'
        Timeout     = 'With -Wait: how long to wait (2s, 5m, a number of seconds or a TimeSpan). Default: no limit.'
        VersionConfig = 'Applies each ConfigMap and Secret as an immutable version named NAME-HASH (kustomize''s 10-character content hash) and rewrites every reference to NAME in the workloads of the same apply (volumes, projected volumes, env, envFrom, imagePullSecrets; containers, init and ephemeral containers), so that a config change rolls out as a revision that can be undone. Unchanged content gives the same name and no rollout.'
        RestartDependents = 'After a ConfigMap or Secret is changed in place, restarts the Deployments, StatefulSets and DaemonSets that reference it (except those this apply already rolls out), recording the change cause (-ChangeCause, or which config changed) on the new revision. The restarts are written to the pipeline; with -Wait they are waited for.'
        Namespace   = 'The namespace for objects whose manifest names none. Default: the kubeconfig context''s namespace, else "default".'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Paths, by value to -Path or by the PSPath property to -LiteralPath (files from Get-ChildItem).' }
        @{ Type = 'KubeRollout.Core.Manifests.ManifestObject'; Description = 'Manifest objects from Get-KubeManifest, by value to -InputObject: all are applied together.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Apply.ApplyResult'; Description = 'One per object: Kind, Namespace, Name, Action, RolloutTriggered, Revision, ChangeCause, Changes (every field that changed), DataChanges (the keys of a ConfigMap or Secret), Dependents (the workloads reading a config changed in place), VersionOf (for a version made by -VersionConfig).' }
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutActionResult'; Description = 'With -RestartDependents: one per workload restarted.' }
        @{ Type = 'KubeRollout.Core.Rollouts.UndoResult'; Description = 'With -Wait -RollbackOnFailure: the undo of a rollout that failed.' }
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
            Remarks = 'Reads and validates every object and has the server check it with a dry run; tells, per object, whether it would be created, configured (with or without a rollout, with every field and data key that changes, and for a config changed in place the workloads that read it) or left unchanged. Nothing is written.'
        }
        @{
            Title   = 'Version the configuration, so that a settings change rolls out and can be undone'
            Code    = 'Invoke-KubeRollout ./examples/vweb-config/vweb-v3.0.yaml -VersionConfig -ChangeCause ''settings v3.0'' -Wait -Timeout 2m'
            Remarks = 'The ConfigMap vweb-config is applied as vweb-config-HASH (immutable) and the Deployment references that name. After a change of its data, the same command rolls out a new revision; Undo-KubeRollout vweb brings the old settings back.'
        }
        @{
            Title   = 'Change configuration in place and roll it out to the workloads that read it'
            Code    = 'Invoke-KubeRollout ./examples/vweb-config/update/vweb-config-v3.1.yaml -RestartDependents -ChangeCause ''settings v3.1'''
            Remarks = 'Lists the keys that change, warns that the change is in place, and restarts deployment vweb (the Dependents of the result) so that its pods read the new data, as a revision with that change cause.'
        }
        @{
            Title   = 'Apply the objects Get-KubeManifest read, all or nothing'
            Code    = 'Get-KubeManifest ./examples/vweb/vweb-v1.0.yaml -ErrorAction Stop | Invoke-KubeRollout -ChangeCause ''vweb 1.0'' -Wait -Timeout 2m'
            Remarks = 'Every object of the pipeline is applied in one transaction once the pipeline ends; -ErrorAction Stop makes an unreadable file stop the pipeline before anything is applied. A script can filter or change the objects on the way (Where-Object Kind -ne Namespace).'
        }
        @{
            Title   = 'Apply the files of a folder from the pipeline and keep the workloads that rolled out'
            Code    = 'Get-ChildItem ./examples/todo-proxy -Filter *.yaml | Invoke-KubeRollout | Where-Object RolloutTriggered | Wait-KubeRollout'
            Remarks = 'ApplyResult objects bind to Wait-KubeRollout by Kind, Name and Namespace.'
        }
    )
    Notes       = 'Error ids: ManifestFileNotFound, ManifestFileUnreadable, ManifestYamlInvalid, ManifestTooDeep, ManifestTooLarge (LimitsExceeded), ManifestNotAnObject, ManifestKindMissing, ManifestKindUnknown, ManifestFieldInvalid, ManifestNameMissing, ManifestInvalid, PathNotFileSystem, ApplyKubeApiInvalid (and other ApplyKubeApi<Reason>; the message ends with what was undone), ApplyMergeFailed, ConfigReferenceMissing (ObjectNotFound: a workload needs a ConfigMap, Secret or key that neither the apply nor the cluster has; TargetObject is the workload), ConfigImmutable (InvalidOperation: the data of an immutable ConfigMap or Secret would change), ConfigVersionNameTooLong, DeploymentPaused (-RestartDependents of a paused Deployment), RollbackNeedsWait, ChangeCauseConflict, ClusterUnreachable, ClusterTimeout, ClusterResponseInvalid, KubeConfigNotFound, KubeConfigInvalid, RolloutFailed, RolloutRolledBack, RolloutTimeout. Errors about a cluster object carry only its kind, namespace and name as the TargetObject.'
    Links       = @('about_KubeRollout', 'Get-KubeManifest', 'Wait-KubeRollout', 'Get-KubeRolloutHistory', 'Compare-KubeRolloutRevision', 'Remove-KubeConfigVersion')
}
