using k8s.Models;

namespace KubeRollout.Sandbox.Registry;

/// <summary>metadata.generation as the strategies of kinds with one manage it.</summary>
public static class Generation
{
    /// <summary>PrepareForCreate: the first generation.</summary>
    public static void Start(V1ObjectMeta meta) => meta.Generation = 1;

    /// <summary>PrepareForUpdate: the next generation when the write changed what the kind's rule watches.</summary>
    public static void BumpIf(bool changed, V1ObjectMeta meta, V1ObjectMeta old)
    {
        if (changed)
        {
            meta.Generation = (old.Generation ?? 0) + 1;
        }
    }
}
