using k8s.Models;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// What stops a kubelet from setting up a pod's ConfigMap and Secret volumes or a container's environment, in the
/// kubelet's words: volume SetUp errors (configmap and secret volume plugins, projected sources aggregated as one
/// error), and makeEnvironmentVariables' errors (envFrom first, then env, in order). Optional references are
/// honoured: a missing optional object or key is skipped.
/// </summary>
public static class ConfigSourceCheck
{
    /// <summary>Each volume whose SetUp fails, with the error the kubelet reports for it.</summary>
    public static IReadOnlyList<(string Volume, string Error)> VolumeErrors(V1PodSpec spec, ConfigLookup lookup)
    {
        var failures = new List<(string, string)>();
        foreach (var volume in spec.Volumes ?? [])
        {
            var errors = new List<string>();
            if (volume.ConfigMap is { } configMap)
            {
                AddIfFailed(errors, ConfigMapError(configMap.Name, configMap.Items, configMap.Optional == true, lookup));
            }
            else if (volume.Secret is { } secret)
            {
                AddIfFailed(errors, SecretError(secret.SecretName, secret.Items, secret.Optional == true, lookup));
            }
            else if (volume.Projected is { } projected)
            {
                foreach (var source in projected.Sources ?? [])
                {
                    if (source.ConfigMap is { } projectedMap)
                    {
                        AddIfFailed(errors, ConfigMapError(projectedMap.Name, projectedMap.Items, projectedMap.Optional == true, lookup));
                    }

                    if (source.Secret is { } projectedSecret)
                    {
                        AddIfFailed(errors, SecretError(projectedSecret.Name, projectedSecret.Items, projectedSecret.Optional == true, lookup));
                    }
                }
            }

            if (errors.Count > 0)
            {
                // utilerrors.NewAggregate: one error as it is, several as [a, b].
                var distinct = errors.Distinct(StringComparer.Ordinal).ToList();
                failures.Add((volume.Name, distinct.Count == 1 ? distinct[0] : $"[{string.Join(", ", distinct)}]"));
            }
        }

        return failures;
    }

    /// <summary>The error that keeps the container from being created (CreateContainerConfigError), or null.</summary>
    public static string? EnvError(V1Container container, string @namespace, ConfigLookup lookup)
    {
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } mapRef && lookup.ConfigMap(mapRef.Name) is null && mapRef.Optional != true)
            {
                return NotFound("configmap", mapRef.Name);
            }

            if (source.SecretRef is { } secretRef && lookup.Secret(secretRef.Name) is null && secretRef.Optional != true)
            {
                return NotFound("secret", secretRef.Name);
            }
        }

        foreach (var env in container.Env ?? [])
        {
            if (env.ValueFrom?.ConfigMapKeyRef is { } mapKey)
            {
                var optional = mapKey.Optional == true;
                var configMap = lookup.ConfigMap(mapKey.Name);
                if (configMap is null)
                {
                    if (!optional)
                    {
                        return NotFound("configmap", mapKey.Name);
                    }
                }
                else if (configMap.Data?.ContainsKey(mapKey.Key) != true && !optional)
                {
                    return $"couldn't find key {mapKey.Key} in ConfigMap {@namespace}/{mapKey.Name}";
                }
            }

            if (env.ValueFrom?.SecretKeyRef is { } secretKey)
            {
                var optional = secretKey.Optional == true;
                var secret = lookup.Secret(secretKey.Name);
                if (secret is null)
                {
                    if (!optional)
                    {
                        return NotFound("secret", secretKey.Name);
                    }
                }
                else if (secret.Data?.ContainsKey(secretKey.Key) != true && !optional)
                {
                    return $"couldn't find key {secretKey.Key} in Secret {@namespace}/{secretKey.Name}";
                }
            }
        }

        return null;
    }

    private static string? ConfigMapError(string name, IList<V1KeyToPath>? items, bool optional, ConfigLookup lookup)
    {
        var configMap = lookup.ConfigMap(name);
        if (configMap is null)
        {
            return optional ? null : NotFound("configmap", name);
        }

        var missing = (items ?? []).FirstOrDefault(i => configMap.Data?.ContainsKey(i.Key) != true && configMap.BinaryData?.ContainsKey(i.Key) != true);
        return missing is null || optional ? null : $"configmap references non-existent config key: {missing.Key}";
    }

    private static string? SecretError(string name, IList<V1KeyToPath>? items, bool optional, ConfigLookup lookup)
    {
        var secret = lookup.Secret(name);
        if (secret is null)
        {
            return optional ? null : NotFound("secret", name);
        }

        var missing = (items ?? []).FirstOrDefault(i => secret.Data?.ContainsKey(i.Key) != true);
        return missing is null || optional ? null : $"references non-existent secret key: {missing.Key}";
    }

    /// <summary>The kubelet's managers report a missing object as NotFound of the singular resource.</summary>
    private static string NotFound(string resource, string name) => $"{resource} \"{name}\" not found";

    private static void AddIfFailed(List<string> errors, string? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
