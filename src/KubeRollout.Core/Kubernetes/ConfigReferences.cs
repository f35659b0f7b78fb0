using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeRollout.Core.Kubernetes;

/// <summary>
/// Every ConfigMap and Secret a pod spec names, as the kubelet resolves them: volumes (configMap, secret, projected
/// sources), env valueFrom key references and envFrom in containers, init containers and ephemeral containers, and
/// imagePullSecrets. Works on the JSON of any object that holds a pod spec, so that the same walk finds references
/// in manifests, live workloads and revisions, and can rewrite them.
/// </summary>
public static class ConfigReferences
{
    private static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    /// <summary>The references in a pod template.</summary>
    public static IReadOnlyList<ConfigReference> In(V1PodTemplateSpec? template) =>
        template?.Spec is null ? [] : InPodSpec(JsonNode.Parse(KubernetesJson.Serialize(template.Spec))!.AsObject());

    /// <summary>
    /// The references in the pod spec of an object (workload, ReplicaSet, Job, CronJob, Pod); none for other kinds.
    /// <paramref name="kind"/> names the kind of objects that do not say it (list items).
    /// </summary>
    public static IReadOnlyList<ConfigReference> InObject(JsonObject obj, string? kind = null) =>
        PodSpecOf(obj, kind) is { } spec ? InPodSpec(spec) : [];

    /// <summary>The names of the objects of one kind (ConfigMap or Secret) a template references, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> NamesIn(V1PodTemplateSpec? template, string kind) =>
        In(template).Where(r => r.Kind == kind).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Where the pod spec of an object is: spec.template.spec, spec.jobTemplate.spec.template.spec (CronJob), spec (Pod), template.spec (PodTemplate).</summary>
    public static JsonObject? PodSpecOf(JsonObject obj, string? kind = null) => (kind ?? obj["kind"]?.GetValue<string>()) switch
    {
        "Pod" => obj["spec"] as JsonObject,
        "PodTemplate" => obj["template"]?["spec"] as JsonObject,
        "CronJob" => obj["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"] as JsonObject,
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job" => obj["spec"]?["template"]?["spec"] as JsonObject,
        _ => null,
    };

    public static IReadOnlyList<ConfigReference> InPodSpec(JsonObject podSpec)
    {
        var found = new List<ConfigReference>();
        foreach (var volume in Items(podSpec, "volumes"))
        {
            var volumeName = Text(volume, "name");
            if (volume["configMap"] is JsonObject configMap)
            {
                Add(found, ConfigReference.ConfigMap, configMap, "name", ConfigUsage.Volume, $"volume {volumeName}", ItemKeys(configMap));
            }

            if (volume["secret"] is JsonObject secret)
            {
                Add(found, ConfigReference.Secret, secret, "secretName", ConfigUsage.Volume, $"volume {volumeName}", ItemKeys(secret));
            }

            foreach (var source in volume["projected"] is JsonObject projected ? Items(projected, "sources") : [])
            {
                if (source["configMap"] is JsonObject projectedMap)
                {
                    Add(found, ConfigReference.ConfigMap, projectedMap, "name", ConfigUsage.ProjectedVolume, $"projected volume {volumeName}", ItemKeys(projectedMap));
                }

                if (source["secret"] is JsonObject projectedSecret)
                {
                    Add(found, ConfigReference.Secret, projectedSecret, "name", ConfigUsage.ProjectedVolume, $"projected volume {volumeName}", ItemKeys(projectedSecret));
                }
            }
        }

        foreach (var list in ContainerLists)
        {
            foreach (var container in Items(podSpec, list))
            {
                var owner = $"{ContainerWord(list)} {Text(container, "name")}";
                foreach (var env in Items(container, "env"))
                {
                    var where = $"env {Text(env, "name")} of {owner}";
                    if (env["valueFrom"]?["configMapKeyRef"] is JsonObject mapKey)
                    {
                        Add(found, ConfigReference.ConfigMap, mapKey, "name", ConfigUsage.EnvValueFrom, where, KeyOf(mapKey));
                    }

                    if (env["valueFrom"]?["secretKeyRef"] is JsonObject secretKey)
                    {
                        Add(found, ConfigReference.Secret, secretKey, "name", ConfigUsage.EnvValueFrom, where, KeyOf(secretKey));
                    }
                }

                foreach (var source in Items(container, "envFrom"))
                {
                    if (source["configMapRef"] is JsonObject mapRef)
                    {
                        Add(found, ConfigReference.ConfigMap, mapRef, "name", ConfigUsage.EnvFrom, $"envFrom of {owner}", []);
                    }

                    if (source["secretRef"] is JsonObject secretRef)
                    {
                        Add(found, ConfigReference.Secret, secretRef, "name", ConfigUsage.EnvFrom, $"envFrom of {owner}", []);
                    }
                }
            }
        }

        foreach (var pullSecret in Items(podSpec, "imagePullSecrets"))
        {
            Add(found, ConfigReference.Secret, pullSecret, "name", ConfigUsage.ImagePullSecret, "imagePullSecrets", []);
        }

        return found;
    }

    private static void Add(List<ConfigReference> found, string kind, JsonObject holder, string nameField, ConfigUsage usage, string where, IReadOnlyList<string> keys)
    {
        // A reference without a name names nothing the kubelet could look up (the API server refuses it anyway).
        if (Text(holder, nameField) is { Length: > 0 } name)
        {
            var optional = holder["optional"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
            found.Add(new ConfigReference(kind, name, usage, where, optional, keys, holder, nameField));
        }
    }

    private static string ContainerWord(string list) => list switch
    {
        "initContainers" => "init container",
        "ephemeralContainers" => "ephemeral container",
        _ => "container",
    };

    private static IEnumerable<JsonObject> Items(JsonObject parent, string field) =>
        parent[field] is JsonArray array ? array.OfType<JsonObject>() : [];

    private static IReadOnlyList<string> ItemKeys(JsonObject source) =>
        Items(source, "items").Select(i => Text(i, "key")).Where(k => k.Length > 0).ToList();

    private static IReadOnlyList<string> KeyOf(JsonObject keyRef) => Text(keyRef, "key") is { Length: > 0 } key ? [key] : [];

    private static string Text(JsonObject obj, string field) =>
        obj[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
}
