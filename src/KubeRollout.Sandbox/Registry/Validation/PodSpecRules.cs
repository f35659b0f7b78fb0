using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>Pod spec validation for pods and pod templates: containers, ports, volumes and policies.</summary>
internal static class PodSpecRules
{
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    /// <summary>
    /// Workload templates must restart always (the controllers replace pods that exit). A ReplicationController's
    /// (core/v1) refuses an active deadline as forbidden, the apps/v1 kinds' as invalid.
    /// </summary>
    public static void ValidateWorkloadTemplate(V1PodTemplateSpec? template, FieldErrors errors, string path, IEnumerable<string>? claimTemplateNames = null, string kind = "ReplicaSet")
    {
        if (template is null)
        {
            errors.Required(path);
            return;
        }

        MetadataRules.ValidateLabelsAndAnnotations(template.Metadata, errors, $"{path}.metadata");
        var spec = template.Spec;
        if (spec is null)
        {
            errors.Required($"{path}.spec.containers");
            return;
        }

        Validate(spec, errors, $"{path}.spec", claimTemplateNames);
        if (spec.RestartPolicy != "Always")
        {
            errors.NotSupported($"{path}.spec.restartPolicy", GoValue.Quote(spec.RestartPolicy), "Always");
        }

        if (spec.ActiveDeadlineSeconds is null)
        {
            return;
        }

        var notSupported = $"activeDeadlineSeconds in {kind} is not Supported";
        if (kind == "ReplicationController")
        {
            errors.Forbidden($"{path}.spec.activeDeadlineSeconds", notSupported);
        }
        else
        {
            errors.Invalid($"{path}.spec.activeDeadlineSeconds", GoValue.Int(spec.ActiveDeadlineSeconds.Value), notSupported);
        }
    }

    public static void Validate(V1PodSpec spec, FieldErrors errors, string path, IEnumerable<string>? extraVolumeNames = null)
    {
        var volumeNames = ValidateVolumes(spec.Volumes, errors, $"{path}.volumes");
        volumeNames.UnionWith(extraVolumeNames ?? []);

        var names = new HashSet<string>(StringComparer.Ordinal);
        ValidateContainers(spec.InitContainers, errors, $"{path}.initContainers", names, volumeNames);
        if (spec.Containers is not { Count: > 0 })
        {
            errors.Required($"{path}.containers");
        }
        else
        {
            ValidateContainers(spec.Containers, errors, $"{path}.containers", names, volumeNames);
        }

        if (spec.RestartPolicy is { } restartPolicy && !RestartPolicies.Contains(restartPolicy))
        {
            errors.NotSupported($"{path}.restartPolicy", GoValue.Quote(restartPolicy), RestartPolicies);
        }

        if (spec.DnsPolicy is { } dnsPolicy && !DnsPolicies.Contains(dnsPolicy))
        {
            errors.NotSupported($"{path}.dnsPolicy", GoValue.Quote(dnsPolicy), DnsPolicies);
        }

        if (spec.TerminationGracePeriodSeconds is < 0)
        {
            errors.Invalid($"{path}.terminationGracePeriodSeconds", GoValue.Int(spec.TerminationGracePeriodSeconds.Value), "must be greater than or equal to 0");
        }
    }

    private static HashSet<string> ValidateVolumes(IList<V1Volume>? volumes, FieldErrors errors, string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (volumes?.Count ?? 0); i++)
        {
            var name = volumes![i].Name;
            var namePath = $"{path}[{i}].name";
            if (string.IsNullOrEmpty(name))
            {
                errors.Required(namePath);
                continue;
            }

            foreach (var message in NameRules.Dns1123Label(name))
            {
                errors.Invalid(namePath, GoValue.Quote(name), message);
            }

            if (!names.Add(name))
            {
                errors.Duplicate(namePath, GoValue.Quote(name));
            }
        }

        return names;
    }

    private static void ValidateContainers(IList<V1Container>? containers, FieldErrors errors, string path, HashSet<string> names, HashSet<string> volumeNames)
    {
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            var container = containers![i];
            var itemPath = $"{path}[{i}]";
            if (string.IsNullOrEmpty(container.Name))
            {
                errors.Required($"{itemPath}.name");
            }
            else
            {
                foreach (var message in NameRules.Dns1123Label(container.Name))
                {
                    errors.Invalid($"{itemPath}.name", GoValue.Quote(container.Name), message);
                }

                if (!names.Add(container.Name))
                {
                    errors.Duplicate($"{itemPath}.name", GoValue.Quote(container.Name));
                }
            }

            if (string.IsNullOrWhiteSpace(container.Image))
            {
                errors.Required($"{itemPath}.image");
            }

            if (container.ImagePullPolicy is { } pullPolicy && !PullPolicies.Contains(pullPolicy))
            {
                errors.NotSupported($"{itemPath}.imagePullPolicy", GoValue.Quote(pullPolicy), PullPolicies);
            }

            ValidatePorts(container.Ports, errors, $"{itemPath}.ports");
            ValidateEnv(container.Env, errors, $"{itemPath}.env");
            ValidateMounts(container.VolumeMounts, errors, $"{itemPath}.volumeMounts", volumeNames);
        }
    }

    private static void ValidatePorts(IList<V1ContainerPort>? ports, FieldErrors errors, string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            var port = ports![i];
            var itemPath = $"{path}[{i}]";
            if (!string.IsNullOrEmpty(port.Name))
            {
                foreach (var message in NameRules.PortName(port.Name))
                {
                    errors.Invalid($"{itemPath}.name", GoValue.Quote(port.Name), message);
                }

                if (!names.Add(port.Name))
                {
                    errors.Duplicate($"{itemPath}.name", GoValue.Quote(port.Name));
                }
            }

            if (port.ContainerPort == 0)
            {
                errors.Required($"{itemPath}.containerPort");
            }
            else
            {
                foreach (var message in NameRules.PortNumber(port.ContainerPort))
                {
                    errors.Invalid($"{itemPath}.containerPort", GoValue.Int(port.ContainerPort), message);
                }
            }

            if (port.HostPort is { } hostPort and not 0)
            {
                foreach (var message in NameRules.PortNumber(hostPort))
                {
                    errors.Invalid($"{itemPath}.hostPort", GoValue.Int(hostPort), message);
                }
            }

            if (string.IsNullOrEmpty(port.Protocol))
            {
                errors.Required($"{itemPath}.protocol");
            }
            else if (!Protocols.Contains(port.Protocol))
            {
                errors.NotSupported($"{itemPath}.protocol", GoValue.Quote(port.Protocol), Protocols);
            }
        }
    }

    private static void ValidateEnv(IList<V1EnvVar>? env, FieldErrors errors, string path)
    {
        for (var i = 0; i < (env?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(env![i].Name))
            {
                errors.Required($"{path}[{i}].name");
            }
        }
    }

    private static void ValidateMounts(IList<V1VolumeMount>? mounts, FieldErrors errors, string path, HashSet<string> volumeNames)
    {
        var mountPaths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (mounts?.Count ?? 0); i++)
        {
            var mount = mounts![i];
            var itemPath = $"{path}[{i}]";
            if (string.IsNullOrEmpty(mount.Name))
            {
                errors.Required($"{itemPath}.name");
            }
            else if (!volumeNames.Contains(mount.Name))
            {
                errors.NotFound($"{itemPath}.name", GoValue.Quote(mount.Name));
            }

            if (string.IsNullOrEmpty(mount.MountPath))
            {
                errors.Required($"{itemPath}.mountPath");
            }
            else if (!mountPaths.Add(mount.MountPath))
            {
                errors.Invalid($"{itemPath}.mountPath", GoValue.Quote(mount.MountPath), "must be unique");
            }
        }
    }
}
