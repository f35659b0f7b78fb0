namespace KubeRollout.Infrastructure;

/// <summary>
/// The workload kinds a cmdlet works on, and the kind a name without TYPE/ means for it (default: Deployment, all
/// kinds). Tab completion offers only these kinds; -Kind defaults to the first.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WorkloadKindsAttribute : Attribute
{
    // Strings, not Core's WorkloadKind: PowerShell reads the cmdlet types before the module's dependency resolver is in place.
    public WorkloadKindsAttribute(string defaultKind, params string[] accepted)
    {
        DefaultKind = defaultKind;
        Accepted = accepted.Length == 0 ? [defaultKind] : accepted;
    }

    public static WorkloadKindsAttribute Everything { get; } = new("Deployment", "Deployment", "StatefulSet", "DaemonSet");

    public string DefaultKind { get; }

    public IReadOnlyList<string> Accepted { get; }

    /// <summary>The kinds of a cmdlet type (<see cref="Everything"/> when it does not say).</summary>
    public static WorkloadKindsAttribute Of(Type cmdletType) =>
        (WorkloadKindsAttribute?)GetCustomAttribute(cmdletType, typeof(WorkloadKindsAttribute)) ?? Everything;
}
