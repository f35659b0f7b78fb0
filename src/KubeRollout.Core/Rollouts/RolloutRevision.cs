using k8s.Models;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Rollouts;

/// <summary>One revision of a workload: a ReplicaSet of a Deployment, or a ControllerRevision.</summary>
public sealed class RolloutRevision
{
    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required long Revision { get; init; }

    /// <summary>The kubernetes.io/change-cause annotation; null when absent (kubectl shows &lt;none&gt;).</summary>
    public string? ChangeCause { get; init; }

    public required IReadOnlyList<string> Images { get; init; }

    public DateTime? Created { get; init; }

    /// <summary>True for the revision the workload's current template is.</summary>
    public bool IsCurrent { get; init; }

    /// <summary>The ReplicaSet or ControllerRevision that holds the revision.</summary>
    public required string Source { get; init; }

    /// <summary>Earlier numbers this revision had before undos re-used it (deployment.kubernetes.io/revision-history).</summary>
    public IReadOnlyList<long> PreviousRevisions { get; init; } = [];

    /// <summary>Pods of this revision that the controller wants (ReplicaSet spec.replicas); null for ControllerRevisions.</summary>
    public int? Replicas { get; init; }

    public required V1PodTemplateSpec PodTemplate { get; init; }

    /// <summary>The ConfigMaps the revision's pods use (volumes, env, envFrom): with versioned config, the versions it needs.</summary>
    public IReadOnlyList<string> ConfigMaps => ConfigReferences.NamesIn(PodTemplate, ConfigReference.ConfigMap);

    /// <summary>The Secrets the revision's pods use (volumes, env, envFrom, imagePullSecrets), by name.</summary>
    public IReadOnlyList<string> Secrets => ConfigReferences.NamesIn(PodTemplate, ConfigReference.Secret);

    /// <summary>All annotations of the source object (an undo of a Deployment copies them back).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The pod template as <c>kubectl rollout history --revision N</c> describes it, aligned as kubectl describe aligns it.</summary>
    public string DescribePodTemplate() => PodTemplateDescription.DescribeAligned(PodTemplateDescription.ForRevision(this));

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}.apps/{Name} revision {Revision}";
}
