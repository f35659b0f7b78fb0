using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Controllers.Revisions;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.StatefulSets;

/// <summary>
/// A StatefulSet pod's identity (stateful_set_utils.go): the name <c>&lt;set&gt;-&lt;ordinal&gt;</c>, hostname and
/// subdomain, the pod-name and pod-index labels, the revision label, and one claim per volumeClaimTemplate named
/// <c>&lt;claim&gt;-&lt;set&gt;-&lt;ordinal&gt;</c> mounted in place of the template's volume of that name.
/// </summary>
public static class StatefulSetPods
{
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";

    public static string PodName(V1StatefulSet set, int ordinal) =>
        set.Metadata.Name + "-" + ordinal.ToString(CultureInfo.InvariantCulture);

    public static string ClaimName(V1PersistentVolumeClaim claimTemplate, V1StatefulSet set, int ordinal) =>
        claimTemplate.Metadata.Name + "-" + PodName(set, ordinal);

    /// <summary>The ordinal of a pod of this set, or null when the name is not &lt;set&gt;-&lt;number&gt;.</summary>
    public static int? OrdinalOf(V1StatefulSet set, V1Pod pod)
    {
        var name = pod.Metadata.Name;
        var prefix = set.Metadata.Name + "-";
        if (!name.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            || PodName(set, ordinal) != name)
        {
            return null;
        }

        return ordinal;
    }

    public static string? RevisionOf(V1Pod pod) => pod.Metadata.Labels.ValueOrNull(RevisionHistory.HashLabel);

    /// <summary>The pod of <paramref name="ordinal"/> from <paramref name="template"/>, labelled with <paramref name="revisionName"/>.</summary>
    public static V1Pod NewPod(V1StatefulSet set, V1PodTemplateSpec template, int ordinal, string revisionName)
    {
        var controllerRef = OwnerReferences.NewControllerRef(set, "apps/v1", "StatefulSet");
        var name = PodName(set, ordinal);
        var pod = PodTemplates.NewPod(template, set.Metadata.NamespaceProperty, controllerRef, name: name);
        pod.Metadata.Labels ??= new Dictionary<string, string>();
        pod.Metadata.Labels[PodNameLabel] = name;
        pod.Metadata.Labels[PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture);
        pod.Metadata.Labels[RevisionHistory.HashLabel] = revisionName;

        var spec = ObjectCopies.Shallow(template.Spec);
        spec.Hostname = name;
        spec.Subdomain = string.IsNullOrEmpty(set.Spec.ServiceName) ? null : set.Spec.ServiceName;
        if (set.Spec.VolumeClaimTemplates is { Count: > 0 } claims)
        {
            var volumes = (template.Spec.Volumes ?? []).Where(v => claims.All(c => c.Metadata.Name != v.Name)).ToList();
            foreach (var claim in claims)
            {
                volumes.Add(new V1Volume
                {
                    Name = claim.Metadata.Name,
                    PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = ClaimName(claim, set, ordinal) },
                });
            }

            spec.Volumes = volumes;
        }

        pod.Spec = spec;
        return pod;
    }

    /// <summary>The claim for one template and ordinal: the template's labels plus the set's selector labels, no owner (retention Retain).</summary>
    public static V1PersistentVolumeClaim NewClaim(V1StatefulSet set, V1PersistentVolumeClaim claimTemplate, int ordinal)
    {
        var labels = new Dictionary<string, string>(claimTemplate.Metadata.Labels ?? new Dictionary<string, string>());
        foreach (var (key, value) in set.Spec.Selector?.MatchLabels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        return new V1PersistentVolumeClaim
        {
            ApiVersion = "v1",
            Kind = "PersistentVolumeClaim",
            Metadata = new V1ObjectMeta
            {
                Name = ClaimName(claimTemplate, set, ordinal),
                NamespaceProperty = set.Metadata.NamespaceProperty,
                Labels = labels,
                Annotations = claimTemplate.Metadata.Annotations is { } annotations ? new Dictionary<string, string>(annotations) : null,
            },
            Spec = claimTemplate.Spec,
        };
    }

    public static bool IsRunningAndReady(V1Pod pod) => pod.Status?.Phase == PodConditions.Running && PodConditions.IsReady(pod);

    public static bool IsRunningAndAvailable(V1Pod pod, int minReadySeconds, DateTime now) =>
        pod.Status?.Phase == PodConditions.Running && PodConditions.IsAvailable(pod, minReadySeconds, now);

    /// <summary>Running, Ready for minReadySeconds and not being deleted (isHealthy).</summary>
    public static bool IsHealthy(V1Pod pod, int minReadySeconds, DateTime now) =>
        IsRunningAndAvailable(pod, minReadySeconds, now) && pod.Metadata.DeletionTimestamp is null;

    public static bool IsCreated(V1Pod pod) => !string.IsNullOrEmpty(pod.Status?.Phase);
}
