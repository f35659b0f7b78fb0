namespace KubeRollout.Sandbox;

/// <summary>How the sandbox was started (command-line options of kuberollout-sandbox).</summary>
public sealed record SandboxOptions
{
    /// <summary>The folder where the kubeconfig, the CA and the state file are written.</summary>
    public required string Directory { get; init; }

    public int Nodes { get; init; } = 3;

    public double TimeScale { get; init; } = 1.0;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Wildcard patterns (e.g. <c>*:bad</c>): pods with a matching image start but never become Ready.</summary>
    public IReadOnlyList<string> FailingImages { get; init; } = [];
}
