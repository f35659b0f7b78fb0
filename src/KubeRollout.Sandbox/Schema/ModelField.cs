namespace KubeRollout.Sandbox.Schema;

/// <summary>A declared field of a model class: its JSON name and the CLR type of its property.</summary>
public sealed record ModelField(string JsonName, Type PropertyType)
{
    public ModelShape Shape => ModelShape.Of(PropertyType);
}
