using System.Globalization;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Selectors;

/// <summary>
/// The fields each resource can be selected by (<c>fieldSelector</c>), as the API server registers them:
/// metadata.name and metadata.namespace everywhere, plus a few per kind.
/// </summary>
internal static class FieldLabels
{
    private static readonly Dictionary<ResourceType, Dictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>>> ByResource = new()
    {
        [ResourceTypes.Pods] = new()
        {
            ["spec.nodeName"] = o => ((V1Pod)o).Spec?.NodeName ?? string.Empty,
            ["spec.restartPolicy"] = o => ((V1Pod)o).Spec?.RestartPolicy ?? string.Empty,
            ["spec.schedulerName"] = o => ((V1Pod)o).Spec?.SchedulerName ?? string.Empty,
            ["spec.serviceAccountName"] = o => ((V1Pod)o).Spec?.ServiceAccountName ?? string.Empty,
            ["spec.hostNetwork"] = o => ((V1Pod)o).Spec?.HostNetwork == true ? "true" : "false",
            ["status.phase"] = o => ((V1Pod)o).Status?.Phase ?? string.Empty,
            ["status.podIP"] = o => ((V1Pod)o).Status?.PodIP ?? string.Empty,
            ["status.nominatedNodeName"] = o => ((V1Pod)o).Status?.NominatedNodeName ?? string.Empty,
        },
        [ResourceTypes.Events] = new()
        {
            ["involvedObject.kind"] = o => ((Corev1Event)o).InvolvedObject?.Kind ?? string.Empty,
            ["involvedObject.namespace"] = o => ((Corev1Event)o).InvolvedObject?.NamespaceProperty ?? string.Empty,
            ["involvedObject.name"] = o => ((Corev1Event)o).InvolvedObject?.Name ?? string.Empty,
            ["involvedObject.uid"] = o => ((Corev1Event)o).InvolvedObject?.Uid ?? string.Empty,
            ["involvedObject.apiVersion"] = o => ((Corev1Event)o).InvolvedObject?.ApiVersion ?? string.Empty,
            ["involvedObject.resourceVersion"] = o => ((Corev1Event)o).InvolvedObject?.ResourceVersion ?? string.Empty,
            ["involvedObject.fieldPath"] = o => ((Corev1Event)o).InvolvedObject?.FieldPath ?? string.Empty,
            ["reason"] = o => ((Corev1Event)o).Reason ?? string.Empty,
            ["reportingComponent"] = o => ((Corev1Event)o).ReportingComponent ?? string.Empty,
            ["source"] = o => ((Corev1Event)o).Source?.Component ?? string.Empty,
            ["type"] = o => ((Corev1Event)o).Type ?? string.Empty,
        },
        [ResourceTypes.Namespaces] = new()
        {
            ["status.phase"] = o => ((V1Namespace)o).Status?.Phase ?? string.Empty,
        },
        [ResourceTypes.Nodes] = new()
        {
            ["spec.unschedulable"] = o => ((V1Node)o).Spec?.Unschedulable == true ? "true" : "false",
        },
        [ResourceTypes.Secrets] = new()
        {
            ["type"] = o => ((V1Secret)o).Type ?? string.Empty,
        },
        [ResourceTypes.ReplicaSets] = new()
        {
            ["status.replicas"] = o => (((V1ReplicaSet)o).Status?.Replicas ?? 0).ToString(CultureInfo.InvariantCulture),
        },
    };

    public static Func<IKubernetesObject<V1ObjectMeta>, string>? Find(ResourceType resource, string field)
    {
        switch (field)
        {
            case "metadata.name":
                return o => o.Metadata.Name ?? string.Empty;
            case "metadata.namespace":
                return o => o.Metadata.NamespaceProperty ?? string.Empty;
        }

        return ByResource.TryGetValue(resource, out var fields) && fields.TryGetValue(field, out var extractor) ? extractor : null;
    }
}
