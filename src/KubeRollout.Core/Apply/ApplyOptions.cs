namespace KubeRollout.Core.Apply;

/// <summary>How an apply records its change and whether it only pretends.</summary>
public sealed record ApplyOptions
{
    /// <summary>Recorded as kubernetes.io/change-cause on exactly the objects whose pod template changes.</summary>
    public string? ChangeCause { get; init; }

    /// <summary>Validate with the server (dryRun=All) and write nothing.</summary>
    public bool ServerDryRun { get; init; }
}
