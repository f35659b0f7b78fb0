using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeRollout.Core.Manifests;

/// <summary>One Kubernetes object read from a manifest file: what the user wrote, typed and as JSON.</summary>
public sealed class ManifestObject
{
    public ManifestObject(IKubernetesObject<V1ObjectMeta> typed, JsonObject json, ManifestLocation location)
    {
        Object = typed;
        Json = json;
        Location = location;
    }

    public string ApiVersion => Object.ApiVersion;

    public string Kind => Object.Kind;

    public string Name => Object.Metadata?.Name ?? string.Empty;

    /// <summary>The namespace the file names, or null when the object takes the session's namespace.</summary>
    public string? Namespace => Object.Metadata?.NamespaceProperty;

    public string Path => Location.Path;

    public int Line => Location.Line;

    public ManifestLocation Location { get; }

    /// <summary>The typed object (V1Deployment, V1ConfigMap, …).</summary>
    public IKubernetesObject<V1ObjectMeta> Object { get; }

    /// <summary>Exactly the fields the file sets, as JSON: what an apply sends.</summary>
    public JsonObject Json { get; }

    /// <summary>The same object, from the same place, with other content (a versioned ConfigMap, rewritten references).</summary>
    public ManifestObject With(JsonObject json)
    {
        var modelType = Kubernetes.KubernetesModelTypes.Find(ApiVersion, Kind)!;
        return new ManifestObject((IKubernetesObject<V1ObjectMeta>)ManifestReader.DeserializeAs(json, modelType), json, Location);
    }

    public override string ToString() => $"{Kind}/{Name}";
}
