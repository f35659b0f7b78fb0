namespace KubeRollout.Sandbox.Patching.Fields;

/// <summary>One <c>metadata.managedFields</c> entry: the fields one manager owns through one kind of operation.</summary>
public sealed record ManagedFieldsEntry(string Manager, string Operation, string? ApiVersion, DateTime? Time, string? Subresource, FieldSet Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    /// <summary>
    /// Entries are per manager, operation and subresource; updates also per apiVersion, while an applier keeps one
    /// entry whatever version it applies through.
    /// </summary>
    public bool SameOwner(ManagedFieldsEntry other) =>
        Manager == other.Manager && Operation == other.Operation && (Subresource ?? string.Empty) == (other.Subresource ?? string.Empty)
        && (Operation == Apply || ApiVersion == other.ApiVersion);

    /// <summary>How conflict messages name the owner: <c>"kubectl-client-side-apply" using apps/v1</c>.</summary>
    public string Describe()
    {
        var text = $"\"{Manager}\"";
        if (!string.IsNullOrEmpty(Subresource))
        {
            text += $" with subresource \"{Subresource}\"";
        }

        return Operation == Update ? $"{text} using {ApiVersion}" : text;
    }
}
