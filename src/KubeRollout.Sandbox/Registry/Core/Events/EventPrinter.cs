using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Core.Events;

internal sealed class EventPrinter : TablePrinter<Corev1Event>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Last Seen", "string", "The time at which the most recent occurrence of this event was recorded."),
        new("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future"),
        new("Reason", "string", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        new("Object", "string", "The object that this event is about."),
        new("Subobject", "string", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].", 1),
        new("Source", "string", "The component reporting this event. Should be a short machine understandable string.", 1),
        new("Message", "string", "A human-readable description of the status of this operation."),
        new("First Seen", "string", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", 1),
        new("Count", "string", "The number of times this event has occurred.", 1),
        new("Name", "string", TableColumn.NameDescription, 1, "name"),
    ];

    protected override object?[] Cells(Corev1Event ev, DateTime now)
    {
        var firstSeen = ev.FirstTimestamp is not null ? HumanDuration.Since(ev.FirstTimestamp, now) : HumanDuration.Since(ev.EventTime, now);
        var lastSeen = ev.LastTimestamp is not null ? HumanDuration.Since(ev.LastTimestamp, now) : firstSeen;
        var count = ev.Count ?? 0;
        if (ev.Series is not null)
        {
            lastSeen = HumanDuration.Since(ev.Series.LastObservedTime, now);
            count = ev.Series.Count ?? 0;
        }
        else if (count == 0)
        {
            count = 1; // singleton events of the new API carry no count
        }

        var involved = ev.InvolvedObject;
        var kind = (involved?.Kind ?? string.Empty).ToLowerInvariant();
        var target = string.IsNullOrEmpty(involved?.Name) ? kind : $"{kind}/{involved.Name}";
        var component = FirstNonEmpty(ev.Source?.Component, ev.ReportingComponent);
        var instance = FirstNonEmpty(ev.Source?.Host, ev.ReportingInstance);
        return
        [
            lastSeen,
            ev.Type ?? string.Empty,
            ev.Reason ?? string.Empty,
            target,
            involved?.FieldPath ?? string.Empty,
            instance.Length == 0 ? component : $"{component}, {instance}",
            (ev.Message ?? string.Empty).Trim(),
            firstSeen,
            (long)count,
            ev.Metadata.Name,
        ];
    }

    private static string FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrEmpty(first) ? first : second ?? string.Empty;
}
