using KubeRollout.Sandbox.Admission.Defaulting;
using KubeRollout.Sandbox.Admission.ManagedFields;
using KubeRollout.Sandbox.Admission.Validation;
using KubeRollout.Sandbox.Machinery.Time;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Admission;

/// <summary>The steps every write passes, in the API server's order: defaulting, validation, managedFields.</summary>
public static class AdmissionChain
{
    /// <summary>The chain with managedFields times from the wall clock.</summary>
    public static IReadOnlyList<IAdmissionStep> Create() => Create(new SimulatedClock(1.0));

    /// <summary>The chain with managedFields times from the sandbox clock (use the one the store and controllers share).</summary>
    public static IReadOnlyList<IAdmissionStep> Create(ISimulatedClock clock) =>
        [new DefaultingStep(), new ValidationStep(), new ManagedFieldsStep(clock)];
}
