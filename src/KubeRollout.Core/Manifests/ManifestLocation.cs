namespace KubeRollout.Core.Manifests;

/// <summary>Where a manifest document, or a problem in it, is: file, 1-based document number and line.</summary>
public sealed record ManifestLocation(string Path, int Document, int Line)
{
    public override string ToString() =>
        Line > 0 ? $"{Path}:{Line} (document {Document})" : $"{Path} (document {Document})";
}
