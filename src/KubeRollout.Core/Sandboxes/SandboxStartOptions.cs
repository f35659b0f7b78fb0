namespace KubeRollout.Core.Sandboxes;

/// <summary>How to start a sandbox cluster (the options of kuberollout-sandbox).</summary>
public sealed record SandboxStartOptions
{
    public required string Directory { get; init; }

    /// <summary>The sandbox program (kuberollout-sandbox.dll) shipped with the module.</summary>
    public required string ProgramPath { get; init; }

    public int Nodes { get; init; } = 3;

    public double TimeScale { get; init; } = 1.0;

    public int Port { get; init; }

    public IReadOnlyList<string> FailingImages { get; init; } = [];

    /// <summary>Start with an empty cluster, forgetting the objects an earlier run kept in the folder.</summary>
    public bool Fresh { get; init; }
}
