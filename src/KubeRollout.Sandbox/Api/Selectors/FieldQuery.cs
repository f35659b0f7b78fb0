using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Selectors;

internal sealed record FieldRequirement(string Field, bool Equal, string Value, Func<IKubernetesObject<V1ObjectMeta>, string> Extract)
{
    public bool Matches(IKubernetesObject<V1ObjectMeta> obj) => (Extract(obj) == Value) == Equal;
}

/// <summary>A parsed <c>fieldSelector</c>: <c>field=value</c>, <c>field==value</c> or <c>field!=value</c>, comma-separated.</summary>
internal sealed record FieldQuery(IReadOnlyList<FieldRequirement> Requirements)
{
    public static readonly FieldQuery Everything = new([]);

    /// <summary>The single name a selector pins (<c>metadata.name=x</c>), which lets a list skip every other object.</summary>
    public string? PinnedName => Requirements.FirstOrDefault(r => r.Field == "metadata.name" && r.Equal)?.Value;

    public bool Matches(IKubernetesObject<V1ObjectMeta> obj) => Requirements.All(r => r.Matches(obj));

    public static FieldQuery Parse(string? text, ResourceType resource)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<FieldRequirement>();
        foreach (var term in SplitTerms(text))
        {
            var (field, equal, value) = ParseTerm(term, text);
            var extractor = FieldLabels.Find(resource, field)
                ?? throw ApiErrors.BadRequest($"field label not supported: {field}");
            requirements.Add(new FieldRequirement(field, equal, value, extractor));
        }

        return new FieldQuery(requirements);
    }

    private static (string Field, bool Equal, string Value) ParseTerm(string term, string text)
    {
        foreach (var (op, equal) in new[] { ("!=", false), ("==", true), ("=", true) })
        {
            var index = term.IndexOf(op, StringComparison.Ordinal);
            if (index > 0)
            {
                return (term[..index].Trim(), equal, term[(index + op.Length)..].Trim());
            }
        }

        throw ApiErrors.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
    }

    /// <summary>Splits on commas not escaped with a backslash, and unescapes <c>\,</c>, <c>\=</c> and <c>\\</c>.</summary>
    private static IEnumerable<string> SplitTerms(string text)
    {
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (text[i] == ',')
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        yield return current.ToString();
    }
}
