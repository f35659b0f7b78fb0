using System.Text.Json.Nodes;

namespace KubeRollout.Core.Kubernetes;

/// <summary>How a pod uses a ConfigMap or Secret it names.</summary>
public enum ConfigUsage
{
    /// <summary>volumes[].configMap or volumes[].secret: the object's keys as files.</summary>
    Volume,

    /// <summary>volumes[].projected.sources[].configMap or .secret.</summary>
    ProjectedVolume,

    /// <summary>env[].valueFrom.configMapKeyRef or .secretKeyRef: one key, read when the container starts.</summary>
    EnvValueFrom,

    /// <summary>envFrom[].configMapRef or .secretRef: every key, read when the container starts.</summary>
    EnvFrom,

    /// <summary>imagePullSecrets[] (Secrets only): credentials for pulling images.</summary>
    ImagePullSecret,
}

/// <summary>
/// One place in a pod spec that names a ConfigMap or Secret: which object, how it is used, where (for messages),
/// whether the pod may start without it, and the keys it needs. <see cref="Holder"/> and <see cref="NameField"/>
/// point at the name in the JSON it was found in, so that the reference can be rewritten in place.
/// </summary>
public sealed record ConfigReference(
    string Kind,
    string Name,
    ConfigUsage Usage,
    string Where,
    bool Optional,
    IReadOnlyList<string> Keys,
    JsonObject Holder,
    string NameField)
{
    public const string ConfigMap = "ConfigMap";
    public const string Secret = "Secret";

    /// <summary>True for the references a kubelet needs before a container can start (not imagePullSecrets, which it only warns about).</summary>
    public bool NeededToStart => !Optional && Usage != ConfigUsage.ImagePullSecret;

    /// <summary>Env is read once, when the container starts: an in-place change never reaches a running container.</summary>
    public bool ReadAtStart => Usage is ConfigUsage.EnvValueFrom or ConfigUsage.EnvFrom;

    public override string ToString() => $"{Kind.ToLowerInvariant()} \"{Name}\" ({Where})";
}
