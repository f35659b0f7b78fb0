using k8s.Models;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>Small objects for tests.</summary>
internal static class TestObjects
{
    public static V1Deployment Deployment(string name, int replicas = 2, string image = "kiamol/ch09-vweb:v1", IDictionary<string, string>? labels = null) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = name, Labels = labels ?? new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] },
            },
        },
    };

    public static V1ConfigMap ConfigMap(string name, IDictionary<string, string>? labels = null) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Data = new Dictionary<string, string> { ["key"] = "value" },
    };

    public static V1Pod Pod(string name, IDictionary<string, string>? labels = null, string? nodeName = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Spec = new V1PodSpec { NodeName = nodeName, Containers = [new V1Container { Name = "web", Image = "nginx" }] },
    };

    public static string DeploymentJson(string name, string ns = "default", string extra = "") =>
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns + "\"},"
        + "\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},"
        + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]}}" + extra + "}}";

    /// <summary>A one-container workload of a kind as a user's YAML manifest (kind "Deployment", "StatefulSet", "ReplicaSet").</summary>
    public static string WorkloadYaml(string kind, string name, string image = "nginx:1.27", int replicas = 1) => $$"""
        apiVersion: apps/v1
        kind: {{kind}}
        metadata:
          name: {{name}}
        spec:
          replicas: {{replicas}}
          {{(kind == "StatefulSet" ? $"serviceName: {name}" : "minReadySeconds: 0")}}
          selector:
            matchLabels:
              app: {{name}}
          template:
            metadata:
              labels:
                app: {{name}}
            spec:
              containers:
              - name: web
                image: {{image}}
        """;

    /// <summary>Writes a manifest into the folder and returns its path.</summary>
    public static string ManifestFile(string directory, string yaml)
    {
        var path = Path.Combine(directory, $"manifest-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
