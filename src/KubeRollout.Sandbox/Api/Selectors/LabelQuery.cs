namespace KubeRollout.Sandbox.Api.Selectors;

internal enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}

internal sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IDictionary<string, string>? labels)
    {
        string? value = null;
        var has = labels is not null && labels.TryGetValue(Key, out value);
        return Operator switch
        {
            LabelOperator.Equals or LabelOperator.In => has && Values.Contains(value!),
            LabelOperator.NotEquals or LabelOperator.NotIn => !has || !Values.Contains(value!),
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            LabelOperator.GreaterThan => has && long.TryParse(value, out var g) && g > long.Parse(Values[0]),
            LabelOperator.LessThan => has && long.TryParse(value, out var l) && l < long.Parse(Values[0]),
            _ => false,
        };
    }
}

/// <summary>A parsed <c>labelSelector</c> query: every requirement must hold. Empty matches everything.</summary>
internal sealed record LabelQuery(IReadOnlyList<LabelRequirement> Requirements)
{
    public static readonly LabelQuery Everything = new([]);

    public bool Matches(IDictionary<string, string>? labels) => Requirements.All(r => r.Matches(labels));
}
