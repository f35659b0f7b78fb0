namespace KubeRollout.Sandbox;

/// <summary>How the sandbox was started (command-line options of kuberollout-sandbox).</summary>
public sealed record SandboxOptions
{
    /// <summary>The folder of the kubeconfig, the state file, the log and the cluster's objects (<c>state/</c>).</summary>
    public required string Directory { get; init; }

    public int Nodes { get; init; } = 3;

    public double TimeScale { get; init; } = 1.0;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Start with an empty cluster, forgetting the objects kept in the folder by earlier runs.</summary>
    public bool Fresh { get; init; }

    /// <summary>Wildcard patterns (e.g. <c>*:bad</c>): pods with a matching image start but never become Ready.</summary>
    public IReadOnlyList<string> FailingImages { get; init; } = [];
}
