using k8s.Models;

namespace KubeRollout.Core.Rollouts.Templates;

/// <summary>
/// A readable field-by-field difference between two pod templates, for -WhatIf: list items are named by their
/// name (containers, env, volumes) or port, so that <c>spec.containers[web].image</c> reads as what it is.
/// </summary>
public static class PodTemplateDiff
{
    public static IReadOnlyList<TemplateChange> Between(V1PodTemplateSpec? from, V1PodTemplateSpec? to) =>
        FieldDiff.Between(PodTemplates.Normalized(from), PodTemplates.Normalized(to));
}
