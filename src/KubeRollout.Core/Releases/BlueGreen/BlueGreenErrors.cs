using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>The failures of blue-green releases, each with its stable error id.</summary>
internal static class BlueGreenErrors
{
    public static KubeRolloutException ServiceNotFound(string @namespace, string service) =>
        new("ServiceNotFound", FailureKind.ObjectNotFound, $"services \"{service}\" not found in namespace {@namespace}", service);

    public static KubeRolloutException DeploymentNotFound(string @namespace, string deployment) =>
        new("WorkloadNotFound", FailureKind.ObjectNotFound, $"deployments.apps \"{deployment}\" not found in namespace {@namespace}", deployment);

    public static KubeRolloutException TargetInOtherNamespace(string deployment, string targetNamespace, string serviceNamespace, string service) =>
        new("TargetInOtherNamespace", FailureKind.InvalidArgument,
            $"deployment {deployment} is in namespace {targetNamespace}, but service {service} is in namespace {serviceNamespace}: a Service selects pods of its own namespace only, so it cannot switch to {deployment}.",
            deployment);

    public static KubeRolloutException NotADeployment(string name, string kind) =>
        new("NotADeployment", FailureKind.InvalidArgument,
            $"{name} names a {kind}: the sides of a blue-green release are Deployments.", name);

    public static KubeRolloutException ServiceWithoutSelector(string service, string? type) =>
        new("ServiceWithoutSelector", FailureKind.InvalidOperation,
            type == "ExternalName"
                ? $"service {service} is of type ExternalName: it names a host and selects no pods, so there is no side to switch."
                : $"service {service} has no selector: its endpoints are written by hand (or by another controller), not chosen by labels, so there is no side to switch.",
            service);

    public static KubeRolloutException SidesIndistinguishable(SideLabels target, IReadOnlyList<string> alike) =>
        new("SidesIndistinguishable", FailureKind.InvalidOperation,
            alike.Count == 0
                ? $"The pods of deployment {target.Deployment} have no label a Service could select them by."
                : $"The pods of deployment {target.Deployment} cannot be told apart from those of {string.Join(", ", alike)}: every label of {target.Deployment}'s pods ({ServiceSelectors.Format(target.PodLabels)}) is also on theirs, so any selector that reaches {target.Deployment} reaches them too. Give the sides a label with different values (for example slot: blue and slot: green) in their pod templates and selectors.",
            target.Deployment);

    public static KubeRolloutException TargetNotReady(string deployment, string reason) =>
        new("TargetNotReady", FailureKind.InvalidOperation, $"deployment {deployment} is not ready to receive traffic: {reason}", deployment);

    public static KubeRolloutException SelectorMatchesNoReadyPod(string service, string selector) =>
        new("SelectorMatchesNoReadyPod", FailureKind.InvalidOperation,
            $"The selector {selector} matches no ready pod: switching service {service} to it would leave it without endpoints.", selector);

    public static KubeRolloutException TargetPortMissing(string service, string target, IReadOnlyList<string> unresolved, string podPorts) =>
        new("TargetPortMissing", FailureKind.InvalidOperation,
            $"deployment {target} cannot receive the traffic of service {service}: {string.Join("; ", unresolved)}, and its pods have no such port (their ports: {podPorts}). The Service would have no endpoint for that port. Name the container port in {target}'s pod template, or give the Service port a number.",
            target);

    public static KubeRolloutException SelectorMatchesOtherPods(string service, string selector, string target, IReadOnlyList<string> others) =>
        new("SelectorMatchesOtherPods", FailureKind.InvalidOperation,
            $"The selector {selector} matches pods that are not deployment {target}'s ({string.Join(", ", others)}): switching service {service} to it would send traffic to both.", selector);

    public static KubeRolloutException VerificationFailed(string target, string reason, Exception? inner = null) =>
        new("VerificationFailed", FailureKind.InvalidResult, $"The verification of deployment {target} failed ({reason}): the service was not switched.", target, inner);

    public static KubeRolloutException NoSwitchToGoBack(string service) =>
        new("NoSwitchToGoBack", FailureKind.InvalidOperation,
            $"service {service} has no recorded switch to go back from: switch it with -To first.", service);

    public static KubeRolloutException SelectorChangedOutsideSwitch(string service, string live, string recorded) =>
        new("SelectorChangedOutsideSwitch", FailureKind.InvalidOperation,
            $"The selector of service {service} is {live}, not {recorded} as the last switch set it: it was changed since, so going back to what came before that switch could undo someone's change. Switch with -To instead.",
            service);

    public static KubeRolloutException ServiceChangedConcurrently(string service, string expected, string live) =>
        new("ServiceChangedConcurrently", FailureKind.ResourceBusy,
            $"The selector of service {service} changed while switching (from {expected} to {live}): nothing was written. Look at who changed it, then switch again.",
            service);

    public static KubeRolloutException EndpointsNotSwitched(string service, string target, TimeSpan timeout, string state) =>
        new("EndpointsNotSwitched", FailureKind.OperationTimeout,
            $"service {service} was switched to deployment {target}, but within {timeout.TotalSeconds:0.#}s its EndpointSlices did not list exactly {target}'s ready pods ({state}).",
            service);

    public static KubeRolloutException ScaleDownRefused(string deployment, string reason) =>
        new("ScaleDownRefused", FailureKind.ResourceBusy, $"deployment {deployment} was not scaled down: {reason}", deployment);

    public static KubeRolloutException HistoryUnreadable(string service, string detail) =>
        new("BlueGreenHistoryUnreadable", FailureKind.InvalidData,
            $"The switch history of service {service} (annotation {BlueGreenHistory.Annotation}) cannot be read: {detail}", service);
}
