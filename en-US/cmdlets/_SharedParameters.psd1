# Descriptions of parameters that many cmdlets share; a cmdlet's own help source may override any of them.
@{
    Kind       = 'The kind of workload: Deployment (default), StatefulSet or DaemonSet. Binds from the Kind property of pipeline objects.'
    Name       = 'One or more workload names, or kubectl''s TYPE/NAME form (deploy/vweb, deployment.apps/vweb, sts/todo-db, ds/nginx). Exact names only: this cmdlet changes workloads, so a wildcard pattern is refused (WorkloadNamePatternNotAccepted); list them with Get-KubeRolloutStatus ''web*'' and pipe the ones you mean. Binds from pipeline strings and from the Name property of pipeline objects. Tab completes names from the cluster: bare names of the default kind, sts/ and ds/ for the others.'
    AllNamespaces = 'Looks for the workloads in every namespace (kubectl''s -A); -Namespace is then not used. Alias A.'
    Namespace  = 'The namespace. Default: the namespace of the kubeconfig context, else "default". Binds from the Namespace property of pipeline objects. Tab completes the namespaces of the cluster.'
    Context    = 'The kubeconfig context to use. Default: the current context. Tab completes the contexts of the kubeconfig (read from the file; the cluster is not called).'
    KubeConfig = 'The kubeconfig file. Default: the files of $env:KUBECONFIG that exist, merged as kubectl merges them (the first file to define a cluster, user, context or current-context wins), else ~/.kube/config. Credentials from it never appear in output, errors or verbose messages.'
    Timeout    = 'How long to wait: kubectl''s durations (2s, 5m, 1h30m), a number of seconds, or a TimeSpan (also as text: 00:01:30). Default: no limit, as kubectl rollout status (said in a verbose message); a server that stops answering still ends the wait with ClusterTimeout or ClusterUnreachable within about six minutes.'
}
