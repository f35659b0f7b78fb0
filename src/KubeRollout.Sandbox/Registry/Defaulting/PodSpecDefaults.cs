using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Defaulting;

/// <summary>The API server's defaults for a pod spec, wherever one occurs (pods and every pod template).</summary>
internal static class PodSpecDefaults
{
    public static void Apply(V1PodSpec? spec)
    {
        if (spec is null)
        {
            return;
        }

        spec.RestartPolicy ??= "Always";
        spec.TerminationGracePeriodSeconds ??= 30;
        spec.DnsPolicy ??= "ClusterFirst";
        spec.SchedulerName ??= "default-scheduler";
        spec.SecurityContext ??= new V1PodSecurityContext();
        foreach (var container in spec.Containers ?? [])
        {
            ApplyContainer(container);
        }

        foreach (var container in spec.InitContainers ?? [])
        {
            ApplyContainer(container);
        }

        foreach (var container in spec.EphemeralContainers ?? [])
        {
            container.TerminationMessagePath ??= "/dev/termination-log";
            container.TerminationMessagePolicy ??= "File";
            container.ImagePullPolicy ??= PullPolicyFor(container.Image);
        }

        foreach (var volume in spec.Volumes ?? [])
        {
            ApplyVolume(volume);
        }
    }

    /// <summary>Always for <c>:latest</c> and untagged images (they may change under the same name), else IfNotPresent.</summary>
    public static string PullPolicyFor(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.Contains('@', StringComparison.Ordinal))
        {
            return string.IsNullOrEmpty(image) ? "Always" : "IfNotPresent";
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        return colon < 0 || image[(colon + 1)..] == "latest" ? "Always" : "IfNotPresent";
    }

    private static void ApplyContainer(V1Container container)
    {
        container.TerminationMessagePath ??= "/dev/termination-log";
        container.TerminationMessagePolicy ??= "File";
        container.ImagePullPolicy ??= PullPolicyFor(container.Image);
        container.Resources ??= new V1ResourceRequirements();
        foreach (var port in container.Ports ?? [])
        {
            port.Protocol ??= "TCP";
        }

        foreach (var env in container.Env ?? [])
        {
            if (env.ValueFrom?.FieldRef is { } fieldRef)
            {
                fieldRef.ApiVersion ??= "v1";
            }
        }

        ApplyProbe(container.LivenessProbe);
        ApplyProbe(container.ReadinessProbe);
        ApplyProbe(container.StartupProbe);
    }

    private static void ApplyProbe(V1Probe? probe)
    {
        if (probe is null)
        {
            return;
        }

        probe.TimeoutSeconds ??= 1;
        probe.PeriodSeconds ??= 10;
        probe.SuccessThreshold ??= 1;
        probe.FailureThreshold ??= 3;
        if (probe.HttpGet is { } httpGet)
        {
            httpGet.Path ??= "/";
            httpGet.Scheme ??= "HTTP";
        }
    }

    private static void ApplyVolume(V1Volume volume)
    {
        if (volume.ConfigMap is { } configMap)
        {
            configMap.DefaultMode ??= 420;
        }

        if (volume.Secret is { } secret)
        {
            secret.DefaultMode ??= 420;
        }

        if (volume.Projected is { } projected)
        {
            projected.DefaultMode ??= 420;
        }

        if (volume.DownwardAPI is { } downwardApi)
        {
            downwardApi.DefaultMode ??= 420;
            foreach (var item in downwardApi.Items ?? [])
            {
                if (item.FieldRef is { } fieldRef)
                {
                    fieldRef.ApiVersion ??= "v1";
                }
            }
        }

        if (volume.HostPath is { } hostPath)
        {
            hostPath.Type ??= string.Empty;
        }

        if (!HasSource(volume))
        {
            volume.EmptyDir = new V1EmptyDirVolumeSource();
        }
    }

    /// <summary>A volume that names no source is an emptyDir.</summary>
    private static bool HasSource(V1Volume volume) =>
        typeof(V1Volume).GetProperties()
            .Where(p => p.Name != nameof(V1Volume.Name))
            .Any(p => p.GetValue(volume) is not null);
}
