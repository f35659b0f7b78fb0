using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Admission;

/// <summary>The steps every write passes, in order (defaulting, validation, managedFields). CONTRACT STUB.</summary>
public static class AdmissionChain
{
    public static IReadOnlyList<IAdmissionStep> Create() => [];
}
