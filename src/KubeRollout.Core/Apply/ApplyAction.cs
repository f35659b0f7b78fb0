namespace KubeRollout.Core.Apply;

/// <summary>What an apply did to one object, in kubectl's words.</summary>
public enum ApplyAction
{
    Created,
    Configured,
    Unchanged,
}
