namespace KubeRollout.Core.Apply;

/// <summary>How an apply records its change, whether it versions configuration, restarts dependents, and whether it only pretends.</summary>
public sealed record ApplyOptions
{
    /// <summary>Recorded as kubernetes.io/change-cause on exactly the objects whose pod template changes.</summary>
    public string? ChangeCause { get; init; }

    /// <summary>Validate with the server (dryRun=All) and write nothing.</summary>
    public bool ServerDryRun { get; init; }

    /// <summary>
    /// Turn each ConfigMap and Secret into an immutable version named by its content hash and rewrite the references
    /// to it; a workload whose template changes only by that gets a change cause naming the versions.
    /// </summary>
    public bool VersionConfig { get; init; }

    /// <summary>Restart the workloads that read a ConfigMap or Secret the apply changes in place (what the warnings about it say).</summary>
    public bool RestartDependents { get; init; }
}
