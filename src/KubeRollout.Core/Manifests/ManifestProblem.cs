namespace KubeRollout.Core.Manifests;

/// <summary>One reason the API would reject an object: the field path and what is wrong with it.</summary>
public sealed record ManifestProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
