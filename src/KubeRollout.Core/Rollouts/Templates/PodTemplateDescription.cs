using System.Globalization;
using System.Text;
using k8s.Models;
using KubeRollout.Core.Formatting;

namespace KubeRollout.Core.Rollouts.Templates;

/// <summary>
/// A pod template described as kubectl describes it (DescribePodTemplate of kubectl 1.35, which
/// <c>kubectl rollout history --revision N</c> prints): labels, annotations, containers with image, ports, command,
/// resources, probes, environment and mounts, volumes, node selectors and tolerations.
/// </summary>
public static class PodTemplateDescription
{
    private const int MaxAnnotationLength = 140;
    private const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>kubectl's text, with its tabs (what <c>kubectl rollout history --revision</c> prints after its first line).</summary>
    public static string Describe(V1PodTemplateSpec? template)
    {
        var output = new StringBuilder();
        var w = new PrefixWriter(output);
        w.Write(0, "Pod Template:\n");
        if (template is null)
        {
            w.Write(1, "<unset>");
            return output.ToString();
        }

        var metadata = template.Metadata ?? new V1ObjectMeta();
        var spec = template.Spec ?? new V1PodSpec();
        WriteLabels(w, "  Labels", metadata.Labels);
        if (metadata.Annotations is { Count: > 0 })
        {
            WriteAnnotations(w, "  Annotations", metadata.Annotations);
        }

        if (!string.IsNullOrEmpty(spec.ServiceAccountName))
        {
            w.Write(1, $"Service Account:\t{spec.ServiceAccountName}\n");
        }

        if (spec.InitContainers is { Count: > 0 })
        {
            WriteContainers(w, "Init Containers", spec.InitContainers);
        }

        WriteContainers(w, "Containers", spec.Containers ?? []);
        VolumeDescription.Write(w, spec.Volumes ?? []);
        WriteTopologySpreadConstraints(w, spec.TopologySpreadConstraints ?? []);
        if (!string.IsNullOrEmpty(spec.PriorityClassName))
        {
            w.Write(1, $"Priority Class Name:\t{spec.PriorityClassName}\n");
        }

        WriteLabels(w, "  Node-Selectors", spec.NodeSelector);
        WriteTolerations(w, "  Tolerations", spec.Tolerations ?? []);
        return output.ToString();
    }

    /// <summary>
    /// A revision's template as <c>kubectl rollout history --revision N</c> describes it: for a Deployment revision
    /// kubectl shows the ReplicaSet's change cause among the template's annotations.
    /// </summary>
    public static V1PodTemplateSpec ForRevision(RolloutRevision revision)
    {
        if (revision.Kind != Workloads.WorkloadKind.Deployment || string.IsNullOrEmpty(revision.ChangeCause))
        {
            return revision.PodTemplate;
        }

        var metadata = revision.PodTemplate.Metadata ?? new V1ObjectMeta();
        var annotations = new Dictionary<string, string>(metadata.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [WellKnownAnnotations.ChangeCause] = revision.ChangeCause,
        };
        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = metadata.Labels, Annotations = annotations },
            Spec = revision.PodTemplate.Spec,
        };
    }

    /// <summary>
    /// The description aligned as kubectl describe aligns it, without the "Pod Template:" heading and its
    /// indentation: what a PowerShell view shows under a PodTemplate label.
    /// </summary>
    public static string DescribeAligned(V1PodTemplateSpec? template)
    {
        var lines = TabAlignment.Align(Describe(template)).Split('\n').Skip(1)
            .Select(line => line.StartsWith("  ", StringComparison.Ordinal) ? line[2..] : line);
        return string.Join("\n", lines).TrimEnd('\n');
    }

    /// <summary>
    /// kubectl's printLabelsMultiline: sorted key=value lines under a title; every piece written at
    /// <paramref name="level"/> (as kubectl's CSI volume attributes are), longer lines cut when a maximum is given.
    /// </summary>
    internal static void WriteLabels(PrefixWriter w, string title, IDictionary<string, string>? labels, int level = 0, int? maxLength = null)
    {
        w.Write(level, $"{title}:\t");
        if (labels is null || labels.Count == 0)
        {
            w.WriteLine("<none>");
            return;
        }

        var first = true;
        foreach (var key in labels.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!first)
            {
                w.Write(level, string.Empty);
                w.Write(level, "\t");
            }

            first = false;
            var line = $"{key}={labels[key]}";
            w.Write(level, (maxLength is { } max && line.Length > max ? line[..max] + "..." : line) + "\n");
        }
    }

    internal static void WriteAnnotations(PrefixWriter w, string title, IDictionary<string, string>? annotations)
    {
        w.Write(0, $"{title}:\t");
        annotations ??= new Dictionary<string, string>();
        var keys = annotations.Keys.Where(k => k != LastAppliedAnnotation).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            w.WriteLine("<none>");
            return;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (i != 0)
            {
                w.Write(0, "\t");
            }

            var key = keys[i];
            var value = annotations[key].EndsWith('\n') ? annotations[key][..^1] : annotations[key];
            if (value.Length + key.Length + 2 > MaxAnnotationLength || value.Contains('\n', StringComparison.Ordinal))
            {
                w.Write(0, $"{key}:\n");
                foreach (var line in value.Split('\n'))
                {
                    w.Write(0, $"\t  {Shorten(line, MaxAnnotationLength - 2)}\n");
                }
            }
            else
            {
                w.Write(0, $"{key}: {value}\n");
            }
        }
    }

    private static string Shorten(string text, int maxLength) => text.Length > maxLength ? text[..maxLength] + "..." : text;

    private static void WriteContainers(PrefixWriter w, string label, IList<V1Container> containers)
    {
        w.Write(0, $"  {label}:{(containers.Count == 0 ? " <none>" : string.Empty)}\n");
        foreach (var container in containers)
        {
            w.Write(1, $" {container.Name}:\n");
            w.Write(2, $"Image:\t{container.Image}\n");
            var ports = string.Join(", ", (container.Ports ?? []).Select(p => $"{p.ContainerPort}/{p.Protocol}{PortName(p)}"));
            w.Write(2, ports.Contains(',', StringComparison.Ordinal) ? $"Ports:\t{ports}\n" : $"Port:\t{OrNone(ports)}\n");
            var hostPorts = string.Join(", ", (container.Ports ?? []).Select(p => $"{p.HostPort ?? 0}/{p.Protocol}{PortName(p)}"));
            w.Write(2, hostPorts.Contains(',', StringComparison.Ordinal) ? $"Host Ports:\t{hostPorts}\n" : $"Host Port:\t{OrNone(hostPorts)}\n");
            if (container.SecurityContext?.SeccompProfile is { } seccomp)
            {
                w.Write(2, $"SeccompProfile:\t{seccomp.Type}\n");
                if (seccomp.Type == "Localhost")
                {
                    w.Write(3, $"LocalhostProfile:\t{seccomp.LocalhostProfile}\n");
                }
            }

            WriteLines(w, "Command", container.Command);
            WriteLines(w, "Args", container.Args);
            WriteResources(w, "Limits", container.Resources?.Limits);
            WriteResources(w, "Requests", container.Resources?.Requests);
            WriteProbe(w, "Liveness", container.LivenessProbe);
            WriteProbe(w, "Readiness", container.ReadinessProbe);
            WriteProbe(w, "Startup", container.StartupProbe);
            if (container.EnvFrom is { Count: > 0 })
            {
                WriteEnvironmentFrom(w, container.EnvFrom);
            }

            WriteEnvironment(w, container);
            WriteMounts(w, container);
        }
    }

    private static string PortName(V1ContainerPort port) => string.IsNullOrEmpty(port.Name) ? string.Empty : $" ({port.Name})";

    private static string OrNone(string text) => text.Length == 0 ? "<none>" : text;

    private static void WriteLines(PrefixWriter w, string title, IList<string>? items)
    {
        if (items is not { Count: > 0 })
        {
            return;
        }

        w.Write(2, $"{title}:\n");
        foreach (var line in items.SelectMany(item => item.Split('\n')))
        {
            w.Write(3, $"{line}\n");
        }
    }

    private static void WriteResources(PrefixWriter w, string title, IDictionary<string, ResourceQuantity>? resources)
    {
        if (resources is not { Count: > 0 })
        {
            return;
        }

        w.Write(2, $"{title}:\n");
        foreach (var name in resources.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            w.Write(3, $"{name}:\t{resources[name]}\n");
        }
    }

    private static void WriteProbe(PrefixWriter w, string title, V1Probe? probe)
    {
        if (probe is not null)
        {
            w.Write(2, $"{title}:\t{DescribeProbe(probe)}\n");
        }
    }

    /// <summary>kubectl's DescribeProbe: the action, then delay, timeout, period and thresholds as stored.</summary>
    internal static string DescribeProbe(V1Probe probe)
    {
        var attributes = FormattableString.Invariant(
            $"delay={probe.InitialDelaySeconds ?? 0}s timeout={probe.TimeoutSeconds ?? 0}s period={probe.PeriodSeconds ?? 0}s #success={probe.SuccessThreshold ?? 0} #failure={probe.FailureThreshold ?? 0}");
        if (probe.Exec is { } exec)
        {
            return $"exec [{string.Join(" ", exec.Command ?? [])}] {attributes}";
        }

        if (probe.HttpGet is { } http)
        {
            var port = http.Port?.Value ?? string.Empty;
            var host = http.Host ?? string.Empty;
            var authority = port.Length > 0 ? (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}") : host;
            var scheme = (http.Scheme ?? string.Empty).ToLowerInvariant();
            var path = http.Path ?? string.Empty;
            var url = (scheme.Length > 0 ? scheme + ":" : string.Empty) + (authority.Length > 0 || scheme.Length > 0 ? "//" + authority : string.Empty) + path;
            return $"http-get {url} {attributes}";
        }

        if (probe.TcpSocket is { } tcp)
        {
            return $"tcp-socket {tcp.Host}:{tcp.Port?.Value} {attributes}";
        }

        if (probe.Grpc is { } grpc)
        {
            return $"grpc <pod>:{grpc.Port.ToString(CultureInfo.InvariantCulture)} {grpc.Service} {attributes}";
        }

        return $"unknown {attributes}";
    }

    private static void WriteEnvironmentFrom(PrefixWriter w, IList<V1EnvFromSource> sources)
    {
        w.Write(2, "Environment Variables from:\n");
        foreach (var source in sources)
        {
            var (from, name, optional) = source.ConfigMapRef is { } configMap ? ("ConfigMap", configMap.Name, configMap.Optional == true)
                : source.SecretRef is { } secret ? ("Secret", secret.Name, secret.Optional == true)
                : (string.Empty, string.Empty, false);
            var kind = string.IsNullOrEmpty(source.Prefix) ? from : $"{from} with prefix '{source.Prefix}'";
            w.Write(3, $"{name}\t{kind}\tOptional: {Bool(optional)}\n");
        }
    }

    private static void WriteEnvironment(PrefixWriter w, V1Container container)
    {
        var variables = container.Env ?? [];
        w.Write(2, $"Environment:{(variables.Count == 0 ? "\t<none>" : string.Empty)}\n");
        foreach (var variable in variables)
        {
            var source = variable.ValueFrom;
            if (source is null)
            {
                var lines = (variable.Value ?? string.Empty).Split('\n');
                w.Write(3, $"{variable.Name}:\t{lines[0]}\n");
                foreach (var line in lines.Skip(1))
                {
                    w.Write(3, $"\t{line}\n");
                }
            }
            else if (source.FieldRef is { } field)
            {
                // A template has no pod to read the field from: kubectl prints an empty value.
                w.Write(3, $"{variable.Name}:\t ({field.ApiVersion}:{field.FieldPath})\n");
            }
            else if (source.ResourceFieldRef is { } resource)
            {
                var value = ContainerResourceValue(resource, container);
                if (value == "0" && resource.Resource is "limits.cpu" or "limits.memory")
                {
                    value = "node allocatable";
                }

                w.Write(3, $"{variable.Name}:\t{value} ({resource.Resource})\n");
            }
            else if (source.SecretKeyRef is { } secretKey)
            {
                w.Write(3, $"{variable.Name}:\t<set to the key '{secretKey.Key}' in secret '{secretKey.Name}'>\tOptional: {Bool(secretKey.Optional == true)}\n");
            }
            else if (source.ConfigMapKeyRef is { } configMapKey)
            {
                w.Write(3, $"{variable.Name}:\t<set to the key '{configMapKey.Key}' of config map '{configMapKey.Name}'>\tOptional: {Bool(configMapKey.Optional == true)}\n");
            }
        }
    }

    /// <summary>resourcehelper.ExtractContainerResourceValue: CPU in whole divisors rounded up, other resources in divisors rounded up.</summary>
    private static string ContainerResourceValue(V1ResourceFieldSelector selector, V1Container container)
    {
        var divisor = selector.Divisor is { } given && given.ToDecimal() != 0 ? given.ToDecimal() : 1m;
        var parts = selector.Resource.Split('.', 2);
        if (parts.Length != 2 || parts[0] is not ("limits" or "requests"))
        {
            return string.Empty;
        }

        var list = parts[0] == "limits" ? container.Resources?.Limits : container.Resources?.Requests;
        var name = parts[1];
        if (name is not ("cpu" or "memory" or "ephemeral-storage") && !name.StartsWith("hugepages-", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var quantity = list is not null && list.TryGetValue(name, out var found) ? found.ToDecimal() : 0m;
        var value = name == "cpu"
            ? Math.Ceiling(Math.Ceiling(quantity * 1000) / Math.Ceiling(divisor * 1000))
            : Math.Ceiling(Math.Ceiling(quantity) / Math.Ceiling(divisor));
        return value.ToString("0", CultureInfo.InvariantCulture);
    }

    private static void WriteMounts(PrefixWriter w, V1Container container)
    {
        var mounts = container.VolumeMounts ?? [];
        var none = mounts.Count == 0 ? "\t<none>" : string.Empty;
        w.Write(2, $"Mounts:{none}\n");
        foreach (var mount in mounts.OrderBy(m => m.MountPath, StringComparer.Ordinal))
        {
            var flags = new List<string> { mount.ReadOnlyProperty == true ? "ro" : "rw" };
            if (!string.IsNullOrEmpty(mount.SubPath))
            {
                flags.Add($"path=\"{mount.SubPath}\"");
            }

            w.Write(3, $"{mount.MountPath} from {mount.Name} ({string.Join(",", flags)})\n");
        }

        if (container.VolumeDevices is { Count: > 0 } devices)
        {
            w.Write(2, $"Devices:{none}\n");
            foreach (var device in devices.OrderBy(d => d.DevicePath, StringComparer.Ordinal))
            {
                w.Write(3, $"{device.DevicePath} from {device.Name}\n");
            }
        }
    }

    private static void WriteTopologySpreadConstraints(PrefixWriter w, IList<V1TopologySpreadConstraint> constraints)
    {
        if (constraints.Count == 0)
        {
            return;
        }

        w.Write(0, "  Topology Spread Constraints:\t");
        var first = true;
        foreach (var constraint in constraints.OrderBy(c => c.TopologyKey, StringComparer.Ordinal))
        {
            if (!first)
            {
                w.Write(0, "  ");
                w.Write(0, "\t");
            }

            first = false;
            w.Write(0, $"{constraint.TopologyKey}:");
            w.Write(0, constraint.WhenUnsatisfiable);
            w.Write(0, FormattableString.Invariant($" when max skew {constraint.MaxSkew} is exceeded"));
            if (constraint.LabelSelector is { } selector)
            {
                w.Write(0, $" for selector {FormatLabelSelector(selector)}");
            }

            w.Write(0, "\n");
        }
    }

    /// <summary>metav1.FormatLabelSelector: requirements sorted by key, "&lt;none&gt;" when empty.</summary>
    private static string FormatLabelSelector(V1LabelSelector selector)
    {
        var requirements = (selector.MatchLabels ?? new Dictionary<string, string>())
            .Select(p => (p.Key, Text: $"{p.Key}={p.Value}"))
            .Concat((selector.MatchExpressions ?? []).Select(e =>
            {
                var values = string.Join(",", (e.Values ?? []).OrderBy(v => v, StringComparer.Ordinal));
                return (e.Key, Text: e.OperatorProperty switch
                {
                    "In" => $"{e.Key} in ({values})",
                    "NotIn" => $"{e.Key} notin ({values})",
                    "Exists" => e.Key,
                    "DoesNotExist" => $"!{e.Key}",
                    _ => $"{e.Key} {e.OperatorProperty}",
                });
            }))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Text)
            .ToList();
        return requirements.Count == 0 ? "<none>" : string.Join(",", requirements);
    }

    private static void WriteTolerations(PrefixWriter w, string title, IList<V1Toleration> tolerations)
    {
        w.Write(0, $"{title}:\t");
        if (tolerations.Count == 0)
        {
            w.WriteLine("<none>");
            return;
        }

        var first = true;
        foreach (var toleration in tolerations.OrderBy(t => t.Key ?? string.Empty, StringComparer.Ordinal))
        {
            if (!first)
            {
                w.Write(0, string.Empty);
                w.Write(0, "\t");
            }

            first = false;
            var key = toleration.Key ?? string.Empty;
            w.Write(0, key);
            if (!string.IsNullOrEmpty(toleration.Value))
            {
                w.Write(0, $"={toleration.Value}");
            }

            if (!string.IsNullOrEmpty(toleration.Effect))
            {
                w.Write(0, $":{toleration.Effect}");
            }

            if (toleration.OperatorProperty == "Exists" && string.IsNullOrEmpty(toleration.Value))
            {
                w.Write(0, key.Length != 0 || !string.IsNullOrEmpty(toleration.Effect) ? " op=Exists" : "op=Exists");
            }

            if (toleration.TolerationSeconds is { } seconds)
            {
                w.Write(0, FormattableString.Invariant($" for {seconds}s"));
            }

            w.Write(0, "\n");
        }
    }

    internal static string Bool(bool value) => value ? "true" : "false";
}
