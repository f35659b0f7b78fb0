using System.Text.Json.Nodes;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Releases.Config;

/// <summary>
/// Turns the ConfigMaps and Secrets of an apply into versions, as kustomize's generators do: each becomes an
/// immutable object named <c>NAME-HASH</c> (<see cref="ConfigContentHash"/> of the object as it is sent), and every
/// reference to NAME in the pod specs of the same apply (same namespace) is rewritten to the version. A config
/// change thereby becomes a pod template change — a rollout with a revision that an undo can go back to — and
/// unchanged content gives the same name, so nothing changes and nothing rolls out.
/// </summary>
public static class ConfigVersioning
{
    /// <summary>Label on every version, with its hash as the value: selects the versions this module made.</summary>
    public const string VersionLabel = "kuberollout.io/config-version";

    /// <summary>Annotation on every version: the name it is a version of.</summary>
    public const string VersionOfAnnotation = "kuberollout.io/config-version-of";

    private const int MaxNameLength = 253;

    public static VersionedManifests Version(IReadOnlyList<ManifestObject> manifests, string defaultNamespace)
    {
        var versions = new List<ConfigVersion>();
        var objects = new List<ManifestObject>();
        foreach (var manifest in manifests)
        {
            if (ConfigData.IsConfigKind(manifest.Kind) && manifest.ApiVersion == "v1")
            {
                var (versioned, version) = VersionOf(manifest, manifest.Namespace ?? defaultNamespace);
                objects.Add(versioned);
                versions.Add(version);
            }
            else
            {
                objects.Add(manifest);
            }
        }

        var byReference = versions
            .GroupBy(v => (v.Kind, v.Namespace, v.BaseName))
            .ToDictionary(g => g.Key, g => g.Last().Name);
        var rewritten = objects.Select(o => Rewrite(o, o.Namespace ?? defaultNamespace, byReference)).ToList();
        return new VersionedManifests(rewritten, versions);
    }

    /// <summary>True for an object this module made as a version.</summary>
    public static bool IsVersion(IDictionary<string, string>? labels) => labels?.ContainsKey(VersionLabel) == true;

    private static (ManifestObject Versioned, ConfigVersion Version) VersionOf(ManifestObject manifest, string @namespace)
    {
        var json = (JsonObject)manifest.Json.DeepClone();
        json["immutable"] = true;
        if (ConfigData.IsSecret(json) && json["stringData"] is JsonObject)
        {
            // The server folds stringData into data; the version is written as it will be stored, so that its name is
            // the hash of what it holds.
            var data = new JsonObject();
            foreach (var (key, value) in ConfigData.Values(json))
            {
                data[key] = Convert.ToBase64String(value.BinaryValue!);
            }

            json["data"] = data;
            json.Remove("stringData");
        }

        var hash = ConfigContentHash.Of(json);
        var name = $"{manifest.Name}-{hash}";
        if (name.Length > MaxNameLength)
        {
            throw new ManifestException(
                "ConfigVersionNameTooLong", FailureKind.InvalidData, manifest.Location,
                $"{manifest.Kind} \"{manifest.Name}\" cannot be versioned: with its content hash its name would have {name.Length} characters, more than {MaxNameLength}.");
        }

        var metadata = json["metadata"]!.AsObject();
        metadata["name"] = name;
        MapOf(metadata, "labels")[VersionLabel] = hash;
        MapOf(metadata, "annotations")[VersionOfAnnotation] = manifest.Name;
        return (manifest.With(json), new ConfigVersion(manifest.Kind, @namespace, manifest.Name, name));
    }

    private static ManifestObject Rewrite(ManifestObject manifest, string @namespace, Dictionary<(string Kind, string Namespace, string BaseName), string> versions)
    {
        if (ConfigReferences.InObject(manifest.Json).Count == 0)
        {
            return manifest;
        }

        var json = (JsonObject)manifest.Json.DeepClone();
        var changed = false;
        foreach (var reference in ConfigReferences.InObject(json))
        {
            if (versions.TryGetValue((reference.Kind, @namespace, reference.Name), out var version))
            {
                reference.Holder[reference.NameField] = version;
                changed = true;
            }
        }

        return changed ? manifest.With(json) : manifest;
    }

    private static JsonObject MapOf(JsonObject metadata, string field)
    {
        if (metadata[field] is not JsonObject map)
        {
            map = [];
            metadata[field] = map;
        }

        return map;
    }
}
