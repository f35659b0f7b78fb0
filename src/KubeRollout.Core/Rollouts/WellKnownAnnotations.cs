namespace KubeRollout.Core.Rollouts;

/// <summary>The annotations and labels Kubernetes and kubectl use for rollouts.</summary>
public static class WellKnownAnnotations
{
    public const string ChangeCause = "kubernetes.io/change-cause";
    public const string Revision = "deployment.kubernetes.io/revision";
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";
    public const string KubectlLastApplied = "kubectl.kubernetes.io/last-applied-configuration";
    public const string RestartedAt = "kubectl.kubernetes.io/restartedAt";
    public const string DeprecatedRollbackTo = "deprecated.deployment.rollback.to";
    public const string PodTemplateHashLabel = "pod-template-hash";
    public const string ControllerRevisionHashLabel = "controller-revision-hash";

    /// <summary>
    /// The module's record of the configuration it last applied. Unlike kubectl's annotation it is not in the
    /// controller's skip list, so every ReplicaSet keeps the configuration of its revision and an undo restores it.
    /// </summary>
    public const string LastApplied = "kuberollout.io/last-applied-configuration";

    /// <summary>Deployment annotations that an undo keeps from the Deployment instead of taking from the ReplicaSet.</summary>
    public static readonly IReadOnlySet<string> RollbackSkipped = new HashSet<string>(StringComparer.Ordinal)
    {
        KubectlLastApplied, Revision, RevisionHistory, DesiredReplicas, MaxReplicas, DeprecatedRollbackTo,
    };
}
