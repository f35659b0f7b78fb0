using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>Label selector syntax and the workloads' "selector must select the template" rules.</summary>
internal static class SelectorRules
{
    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    /// <summary>
    /// The apps/v1 rules: a selector is required, may not be empty, and must match the template labels.
    /// A missing selector matches nothing, so it also reports the template labels (as the API does).
    /// </summary>
    public static void ValidateWorkloadSelector(V1LabelSelector? selector, IDictionary<string, string>? templateLabels, string kindForEmpty, FieldErrors errors, string specPath = "spec")
    {
        if (selector is null)
        {
            errors.Required($"{specPath}.selector");
        }
        else
        {
            Validate(selector, errors, $"{specPath}.selector");
            if (IsEmpty(selector))
            {
                errors.Invalid($"{specPath}.selector", GoValue.LabelSelector(selector), $"empty selector is invalid for {kindForEmpty}");
            }
        }

        if (selector is null || (!IsEmpty(selector) && IsWellFormed(selector) && !LabelSelectors.Matches(selector, templateLabels)))
        {
            errors.Invalid($"{specPath}.template.metadata.labels", GoValue.StringMap(templateLabels), "`selector` does not match template `labels`");
        }
    }

    public static void Validate(V1LabelSelector selector, FieldErrors errors, string path)
    {
        MetadataRules.Labels(selector.MatchLabels, errors, $"{path}.matchLabels");
        var expressions = selector.MatchExpressions ?? [];
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var itemPath = $"{path}.matchExpressions[{i}]";
            switch (expression.OperatorProperty)
            {
                case "In" or "NotIn" when expression.Values is not { Count: > 0 }:
                    errors.Required($"{itemPath}.values", "must be specified when `operator` is 'In' or 'NotIn'");
                    break;
                case "Exists" or "DoesNotExist" when expression.Values is { Count: > 0 }:
                    errors.Forbidden($"{itemPath}.values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    break;
                case var op when !Operators.Contains(op):
                    errors.Invalid($"{itemPath}.operator", GoValue.Quote(op), "not a valid selector operator");
                    break;
            }

            foreach (var message in NameRules.QualifiedName(expression.Key ?? string.Empty))
            {
                errors.Invalid($"{itemPath}.key", GoValue.Quote(expression.Key), message);
            }
        }
    }

    public static bool IsEmpty(V1LabelSelector selector) =>
        (selector.MatchLabels?.Count ?? 0) + (selector.MatchExpressions?.Count ?? 0) == 0;

    private static bool IsWellFormed(V1LabelSelector selector) =>
        (selector.MatchExpressions ?? []).All(e => Operators.Contains(e.OperatorProperty));
}
