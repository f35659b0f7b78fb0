using KubeRollout.Sandbox.Simulation.Kubelet;

namespace KubeRollout.Sandbox.Simulation;

/// <summary>
/// Which images fail, by wildcard: "failing" images crash (CrashLoopBackOff), "unpullable" ones cannot be pulled.
/// Patterns match the image as written in the pod spec or in its normalized form (docker.io/library/nginx:latest).
/// </summary>
public sealed class FailureRules
{
    public static readonly FailureRules None = new([], []);

    public FailureRules(IEnumerable<string> failingImages, IEnumerable<string> unpullableImages)
    {
        FailingImages = failingImages.Select(p => new WildcardPattern(p)).ToList();
        UnpullableImages = unpullableImages.Select(p => new WildcardPattern(p)).ToList();
    }

    public IReadOnlyList<WildcardPattern> FailingImages { get; }

    public IReadOnlyList<WildcardPattern> UnpullableImages { get; }

    /// <summary>Newline- or comma-separated patterns, blanks ignored (the ConfigMap's format).</summary>
    public static IReadOnlyList<string> ParseList(string? text) =>
        (text ?? string.Empty).Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public FailureRules Combine(FailureRules other) =>
        new(FailingImages.Concat(other.FailingImages).Select(p => p.ToString()), UnpullableImages.Concat(other.UnpullableImages).Select(p => p.ToString()));

    public ContainerBehavior BehaviorFor(string? image)
    {
        if (string.IsNullOrEmpty(image))
        {
            return ContainerBehavior.Normal;
        }

        var normalized = ImageReference.Normalize(image);
        if (UnpullableImages.Any(p => p.IsMatch(image) || p.IsMatch(normalized)))
        {
            return ContainerBehavior.Unpullable;
        }

        if (FailingImages.Any(p => p.IsMatch(image) || p.IsMatch(normalized)))
        {
            return ContainerBehavior.Crash;
        }

        return ContainerBehavior.Normal;
    }
}
