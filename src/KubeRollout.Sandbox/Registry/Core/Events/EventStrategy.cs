using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Events;

/// <summary>core/v1 events: written by the components, selectable by the object they are about.</summary>
public sealed class EventStrategy : ResourceStrategy<Corev1Event>
{
    public static readonly ResourceType Type = new("", "v1", "events", "event", "Event", Namespaced: true, typeof(Corev1Event));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["ev"];

    public override ITablePrinter Printer { get; } = new EventPrinter();

    public override IReadOnlyDictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>> SelectableFields { get; } =
        new Dictionary<string, Func<IKubernetesObject<V1ObjectMeta>, string>>
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
        };

    protected override void Validate(Corev1Event obj, Corev1Event? old, FieldErrors errors)
    {
    }
}
