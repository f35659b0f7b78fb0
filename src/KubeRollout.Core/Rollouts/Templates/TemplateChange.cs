namespace KubeRollout.Core.Rollouts.Templates;

public enum TemplateChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One field that differs between two pod templates.</summary>
public sealed record TemplateChange(TemplateChangeKind Kind, string Field, string? From, string? To)
{
    public override string ToString() => Kind switch
    {
        TemplateChangeKind.Added => $"+ {Field}: {To}",
        TemplateChangeKind.Removed => $"- {Field}: {From}",
        _ => $"~ {Field}: {From} -> {To}",
    };
}
