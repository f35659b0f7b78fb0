using k8s.Models;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Registry.Networking.IngressClasses;

/// <summary>Ingress classes as the API server prints them: controller, parameters (Kind.group/name), age.</summary>
internal sealed class IngressClassPrinter : TablePrinter<V1IngressClass>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.ObjectName(),
        new("Controller", "string", "Controller that is responsible for handling this class"),
        new("Parameters", "string", "A reference to a resource with additional parameters"),
        TableColumn.Age(),
    ];

    protected override object?[] Cells(V1IngressClass ingressClass, DateTime now) =>
    [
        ingressClass.Metadata.Name,
        ingressClass.Spec?.Controller ?? string.Empty,
        ingressClass.Spec?.Parameters is { } parameters
            ? $"{parameters.Kind}{(string.IsNullOrEmpty(parameters.ApiGroup) ? string.Empty : "." + parameters.ApiGroup)}/{parameters.Name}"
            : "<none>",
        HumanDuration.Since(ingressClass.Metadata.CreationTimestamp, now),
    ];
}
