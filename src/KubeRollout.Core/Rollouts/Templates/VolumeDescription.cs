using k8s.Models;
using KubeRollout.Core.Formatting;

namespace KubeRollout.Core.Rollouts.Templates;

/// <summary>
/// The volumes of a pod template as kubectl describe lists them: per volume its type with kubectl's explanation and
/// the fields that locate it. The in-tree cloud and network-storage plugins that Kubernetes has removed or
/// migrated to CSI are not described field by field; kubectl's fallback &lt;unknown&gt; stands for them.
/// </summary>
internal static class VolumeDescription
{
    public static void Write(PrefixWriter w, IList<V1Volume> volumes)
    {
        if (volumes.Count == 0)
        {
            w.Write(0, "  Volumes:\t<none>\n");
            return;
        }

        w.Write(0, "  Volumes:\n");
        foreach (var volume in volumes)
        {
            w.Write(1, $" {volume.Name}:\n");
            WriteSource(w, volume);
        }
    }

    private static void WriteSource(PrefixWriter w, V1Volume volume)
    {
        switch (volume)
        {
            case { HostPath: { } hostPath }:
                w.Write(2, $"Type:\tHostPath (bare host directory volume)\n    Path:\t{hostPath.Path}\n    HostPathType:\t{(hostPath.Type is null ? "<none>" : hostPath.Type)}\n");
                break;
            case { EmptyDir: { } emptyDir }:
                var sizeLimit = emptyDir.SizeLimit is { } limit && limit.ToDecimal() > 0 ? limit.ToString() : "<unset>";
                w.Write(2, $"Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{emptyDir.Medium}\n    SizeLimit:\t{sizeLimit}\n");
                break;
            case { GitRepo: { } git }:
                w.Write(2, $"Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t{git.Repository}\n    Revision:\t{git.Revision}\n");
                break;
            case { Secret: { } secret }:
                w.Write(2, $"Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{secret.SecretName}\n    Optional:\t{PodTemplateDescription.Bool(secret.Optional == true)}\n");
                break;
            case { ConfigMap: { } configMap }:
                w.Write(2, $"Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{configMap.Name}\n    Optional:\t{PodTemplateDescription.Bool(configMap.Optional == true)}\n");
                break;
            case { Nfs: { } nfs }:
                w.Write(2, $"Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t{nfs.Server}\n    Path:\t{nfs.Path}\n    ReadOnly:\t{PodTemplateDescription.Bool(nfs.ReadOnlyProperty == true)}\n");
                break;
            case { PersistentVolumeClaim: { } claim }:
                w.Write(2, $"Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{claim.ClaimName}\n    ReadOnly:\t{PodTemplateDescription.Bool(claim.ReadOnlyProperty == true)}\n");
                break;
            case { Ephemeral: { } ephemeral }:
                w.Write(2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n");
                if (ephemeral.VolumeClaimTemplate is { } claimTemplate)
                {
                    WriteClaimTemplate(w.Nested(2), claimTemplate);
                }

                break;
            case { DownwardAPI: { } downward }:
                w.Write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
                WriteDownwardItems(w, downward.Items ?? []);
                break;
            case { Projected: { } projected }:
                WriteProjected(w, projected);
                break;
            case { Csi: { } csi }:
                w.Write(2, $"Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t{csi.Driver}\n    FSType:\t{csi.FsType}\n    ReadOnly:\t{PodTemplateDescription.Bool(csi.ReadOnlyProperty == true)}\n");
                PodTemplateDescription.WriteLabels(w, "VolumeAttributes", csi.VolumeAttributes, level: 2, maxLength: 140);
                break;
            case { Image: { } image }:
                w.Write(2, $"Type:\tImage (a container image or OCI artifact)\n    Reference:\t{image.Reference}\n    PullPolicy:\t{image.PullPolicy}\n");
                break;
            default:
                w.Write(1, "<unknown>\n");
                break;
        }
    }

    private static void WriteDownwardItems(PrefixWriter w, IList<V1DownwardAPIVolumeFile> items)
    {
        foreach (var item in items)
        {
            if (item.FieldRef is { } field)
            {
                w.Write(3, $"{field.FieldPath} -> {item.Path}\n");
            }

            if (item.ResourceFieldRef is { } resource)
            {
                w.Write(3, $"{resource.Resource} -> {item.Path}\n");
            }
        }
    }

    private static void WriteProjected(PrefixWriter w, V1ProjectedVolumeSource projected)
    {
        w.Write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
        foreach (var source in projected.Sources ?? [])
        {
            if (source.Secret is { } secret)
            {
                w.Write(2, $"SecretName:\t{secret.Name}\n    Optional:\t{PodTemplateDescription.Bool(secret.Optional == true)}\n");
            }
            else if (source.DownwardAPI is not null)
            {
                w.Write(2, "DownwardAPI:\ttrue\n");
            }
            else if (source.ConfigMap is { } configMap)
            {
                w.Write(2, $"ConfigMapName:\t{configMap.Name}\n    Optional:\t{PodTemplateDescription.Bool(configMap.Optional == true)}\n");
            }
            else if (source.ServiceAccountToken is { } token)
            {
                w.Write(2, FormattableString.Invariant($"TokenExpirationSeconds:\t{token.ExpirationSeconds ?? 0}\n"));
            }
        }
    }

    /// <summary>printPersistentVolumeClaim for a claim template (not a full claim), through a nested writer as kubectl does.</summary>
    private static void WriteClaimTemplate(PrefixWriter w, V1PersistentVolumeClaimTemplate template)
    {
        var spec = template.Spec ?? new V1PersistentVolumeClaimSpec();
        var annotations = template.Metadata?.Annotations;
        var storageClass = annotations?.TryGetValue("volume.beta.kubernetes.io/storage-class", out var beta) == true ? beta : spec.StorageClassName ?? string.Empty;
        w.Write(0, $"StorageClass:\t{storageClass}\n");
        w.Write(0, $"Volume:\t{spec.VolumeName}\n");
        PodTemplateDescription.WriteLabels(w, "Labels", template.Metadata?.Labels);
        PodTemplateDescription.WriteAnnotations(w, "Annotations", annotations);
        // A template has no status: a bound volume's capacity reads as a zero quantity, as in kubectl.
        w.Write(0, $"Capacity:\t{(string.IsNullOrEmpty(spec.VolumeName) ? string.Empty : "0")}\n");
        w.Write(0, "Access Modes:\t\n");
        if (!string.IsNullOrEmpty(spec.VolumeMode))
        {
            w.Write(0, $"VolumeMode:\t{spec.VolumeMode}\n");
        }

        if (spec.DataSource is { } source)
        {
            w.Write(0, "DataSource:\n");
            if (source.ApiGroup is not null)
            {
                w.Write(1, $"APIGroup:\t{source.ApiGroup}\n");
            }

            w.Write(1, $"Kind:\t{source.Kind}\n");
            w.Write(1, $"Name:\t{source.Name}\n");
        }
    }
}
