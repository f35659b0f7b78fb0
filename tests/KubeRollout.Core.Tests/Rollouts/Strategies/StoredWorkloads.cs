using k8s.Models;

namespace KubeRollout.Core.Tests.Rollouts.Strategies;

/// <summary>Workloads as the API server stores them: with the defaults it fills in.</summary>
internal static class StoredWorkloads
{
    public static V1Deployment Deployment(string type = "RollingUpdate", string? maxSurge = "25%", string? maxUnavailable = "25%", int replicas = 3, int? minReadySeconds = null) => new()
    {
        Metadata = Metadata("vweb"),
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = Selector("vweb"),
            Template = Template("vweb"),
            Strategy = new V1DeploymentStrategy
            {
                Type = type,
                RollingUpdate = type == "RollingUpdate" ? new V1RollingUpdateDeployment { MaxSurge = Amount(maxSurge), MaxUnavailable = Amount(maxUnavailable) } : null,
            },
            MinReadySeconds = minReadySeconds,
            RevisionHistoryLimit = 10,
            ProgressDeadlineSeconds = 600,
        },
    };

    public static V1StatefulSet StatefulSet(string type = "RollingUpdate", int replicas = 5, int partition = 0) => new()
    {
        Metadata = Metadata("todo-db"),
        Spec = new V1StatefulSetSpec
        {
            Replicas = replicas,
            Selector = Selector("todo-db"),
            Template = Template("todo-db"),
            ServiceName = "todo-db",
            PodManagementPolicy = "OrderedReady",
            UpdateStrategy = new V1StatefulSetUpdateStrategy
            {
                Type = type,
                RollingUpdate = type == "RollingUpdate" ? new V1RollingUpdateStatefulSetStrategy { Partition = partition } : null,
            },
            RevisionHistoryLimit = 10,
        },
    };

    public static V1DaemonSet DaemonSet(string type = "RollingUpdate", int? nodes = 3) => new()
    {
        Metadata = Metadata("todo-proxy"),
        Spec = new V1DaemonSetSpec
        {
            Selector = Selector("todo-proxy"),
            Template = Template("todo-proxy"),
            UpdateStrategy = new V1DaemonSetUpdateStrategy
            {
                Type = type,
                RollingUpdate = type == "RollingUpdate" ? new V1RollingUpdateDaemonSet { MaxUnavailable = 1, MaxSurge = 0 } : null,
            },
            RevisionHistoryLimit = 10,
        },
        Status = nodes is null ? null : new V1DaemonSetStatus { DesiredNumberScheduled = nodes.Value },
    };

    private static IntOrString? Amount(string? text) =>
        text is null ? null : int.TryParse(text, out var number) ? number : text;

    private static V1ObjectMeta Metadata(string name) => new() { Name = name, NamespaceProperty = "default", ResourceVersion = "42", Generation = 1 };

    private static V1LabelSelector Selector(string app) => new() { MatchLabels = new Dictionary<string, string> { ["app"] = app } };

    private static V1PodTemplateSpec Template(string app) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = app, Image = $"kiamol/{app}:v1" }] },
    };
}
