@{
    Synopsis    = 'Waits for rollouts to finish, like kubectl rollout status --timeout, for many workloads at once.'
    Description = @'
Wait-KubeRollout waits for the rollouts of all the workloads it receives from the pipeline at the same time, over
watches (one per namespace and kind, resumed when the server ends it), with a progress bar per workload. It returns
the status of each rollout that completed and writes an error for each one that did not:

- RolloutFailed at once when the Deployment's progress deadline is exceeded (kubectl's message
  deployment "NAME" exceeded its progress deadline), instead of waiting for the timeout;
- RolloutTimeout when -Timeout passes (timed out waiting for the condition), with where the rollout stood;
- RolloutPaused when the workload is paused, since it cannot finish until it is resumed;
- WorkloadDeleted when the workload is deleted while waiting, and WorkloadNotFound when it did not exist when the
  wait began (kubectl's message deployments.apps "NAME" not found);
- ClusterUnreachable (or ClusterTimeout) when the connection to the cluster is lost while waiting.

RolloutFailed and RolloutTimeout name, one per line, the state of the pods the rollout waits for (not Ready: their
waiting or terminated reason, restarts, last exit code and message; at most ten, the others counted): for a
Deployment the pods of its current revision (for a Recreate rollout that still waits for its old pods to be gone,
those, Terminating), for a StatefulSet or DaemonSet the pods it controls. A StatefulSet is complete as kubectl rollout
status says: after a scale-up, once its last new pod is Ready.

Without -Timeout it waits as long as the rollout takes, as kubectl rollout status does, and says so in a verbose
message; a server that stops answering ends the wait with an error within about six minutes, and Ctrl+C stops it.
'@
    Parameters  = @{
        Name              = 'One or more workload names, kubectl''s TYPE/NAME forms (deploy/vweb, sts/todo-db, ds/nginx) or wildcard patterns (''web*'': every matching workload of every kind; ''sts/db-*'': StatefulSets only). Waiting only reads, so patterns are accepted; a pattern that matches nothing waits for nothing. Binds from pipeline strings and from the Name property of pipeline objects. Tab completes names from the cluster.'
        RollbackOnFailure = 'When a rollout fails (a Deployment''s progress deadline passes; for a StatefulSet or DaemonSet, which have none, -Timeout passes before it completes, as Helm''s --atomic judges), undoes it to the previous revision (for a StatefulSet that starts pods in order, also deleting its pods of the failed revision that are not ready, which it would wait for: Kubernetes'' forced rollback), waits for that, writes the undo to the pipeline and reports the failure as RolloutRolledBack with the failing pods'' state.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Workload names, or objects with Kind, Name and Namespace properties (from Invoke-KubeRollout, Get-KubeRolloutStatus, …).' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutStatus'; Description = 'The final status of each rollout that completed.' }
    )
    Examples    = @(
        @{
            Title   = 'Wait two seconds, as in the seed''s example'
            Code    = 'Wait-KubeRollout vweb -Timeout 2s'
            Remarks = 'Writes a RolloutTimeout error if the rollout is not complete within two seconds.'
        }
        @{
            Title   = 'Roll back automatically when a rollout fails'
            Code    = 'Wait-KubeRollout vweb -Timeout 10m -RollbackOnFailure'
            Remarks = 'If the Deployment exceeds its progress deadline, it is undone to the previous revision, which is waited for; the error RolloutRolledBack says why, with the failing pods.'
        }
        @{
            Title   = 'Wait for several Deployments at once and stop a script on failure'
            Code    = '''web'', ''api'' | Wait-KubeRollout -Namespace shop -Timeout 5m -ErrorAction Stop'
            Remarks = 'Both are watched at the same time; the first failed or timed-out rollout stops the script.'
        }
    )
    Notes       = 'Error ids: RolloutFailed (with the failing pods: CrashLoopBackOff, restarts, last exit code), RolloutRolledBack (with -RollbackOnFailure), RolloutTimeout (with the pods not Ready), RolloutPaused, WorkloadDeleted, WorkloadNotFound, ClusterUnreachable (ConnectionError: the connection was lost while waiting), ClusterTimeout, KubeConfigNotFound, KubeConfigInvalid.'
    Links       = @('about_KubeRollout', 'Get-KubeRolloutStatus', 'Invoke-KubeRollout')
}
