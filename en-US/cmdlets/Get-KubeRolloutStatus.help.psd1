@{
    Synopsis    = 'Tells where a rollout stands, like kubectl rollout status --watch=false.'
    Description = @'
Get-KubeRolloutStatus reads a workload once and returns its rollout state (Pending, Progressing, Complete, Paused,
Failed, …), kubectl's exact message in the Message property, the replica counts and the current revision. It does
not wait; use Wait-KubeRollout for that.

It takes several names at once and wildcard patterns; without a name it reads every Deployment, StatefulSet and
DaemonSet of the namespace (or of every namespace with -AllNamespaces), as kubectl get does. The table view groups
the workloads by namespace and shows kubectl's columns (Ready, UpToDate, Available) and the whole message.
'@
    Parameters  = @{
        Name = 'One or more workload names, kubectl''s TYPE/NAME forms (deploy/vweb, sts/todo-db, ds/nginx) or wildcard patterns (''web*'', ''sts/db-*''). A pattern without TYPE/ and without -Kind matches workloads of every kind; an exact name without TYPE/ is a Deployment (or of -Kind). No name: every workload of the namespace (of -Kind, else of every kind), as kubectl get does. Binds from pipeline strings and from the Name property of pipeline objects. Tab completes names from the cluster.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Workload names, or objects with Kind, Name and Namespace properties.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.RolloutStatus'; Description = 'State, Message, Replicas, UpdatedReplicas, ReadyReplicas, AvailableReplicas, OldReplicas, Revision, Reason.' }
    )
    Examples    = @(
        @{
            Title   = 'Check one Deployment'
            Code    = 'Get-KubeRolloutStatus vweb'
            Remarks = 'Shows, for example, State Complete with the message: deployment "vweb" successfully rolled out.'
        }
        @{
            Title   = 'Find the rollouts that are not complete in a namespace'
            Code    = '''web'', ''api'', ''worker'' | Get-KubeRolloutStatus -Namespace shop | Where-Object State -ne Complete'
            Remarks = 'Names from the pipeline are read one by one.'
        }
        @{
            Title   = 'Every workload whose name starts with web, and every workload of every namespace'
            Code    = "Get-KubeRolloutStatus 'web*', 'api'`nGet-KubeRolloutStatus -AllNamespaces"
            Remarks = 'The pattern matches Deployments, StatefulSets and DaemonSets; api is the Deployment api. Without a name every workload is read.'
        }
    )
    Notes       = 'Error ids: WorkloadNotFound (an exact name that does not exist, naming a workload of another kind that has the name; a pattern that matches nothing returns nothing), ClusterUnreachable, ClusterTimeout, KubeConfigNotFound, KubeConfigInvalid (e.g. a certificate authority together with insecure-skip-tls-verify: "specifying a root certificates file with the insecure flag is not allowed", as kubectl says).'
    Links       = @('about_KubeRollout', 'Wait-KubeRollout')
}
