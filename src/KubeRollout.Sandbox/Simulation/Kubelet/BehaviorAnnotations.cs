using System.Globalization;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Objects;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// Per-pod overrides of the simulated containers, for targeted tests:
/// <c>sandbox.kuberollout.io/behavior: crash|unpullable|never-ready|ready</c> replaces the failure rules, and
/// <c>sandbox.kuberollout.io/crash-after-seconds: N</c> makes a crashing container run (and be Ready, as a
/// container without a failing probe is) for N simulated seconds before it exits.
/// </summary>
public static class BehaviorAnnotations
{
    public const string Behavior = "sandbox.kuberollout.io/behavior";
    public const string CrashAfterSeconds = "sandbox.kuberollout.io/crash-after-seconds";

    public static ContainerBehavior? Override(V1Pod pod) => pod.Metadata.Annotations.ValueOrNull(Behavior) switch
    {
        "crash" => ContainerBehavior.Crash,
        "unpullable" => ContainerBehavior.Unpullable,
        "never-ready" => ContainerBehavior.NeverReady,
        "ready" => ContainerBehavior.Ready,
        _ => null,
    };

    public static TimeSpan? CrashAfter(V1Pod pod) =>
        double.TryParse(pod.Metadata.Annotations.ValueOrNull(CrashAfterSeconds), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
