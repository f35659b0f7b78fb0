using KubeRollout.Sandbox.Api.Errors;

namespace KubeRollout.Sandbox.Api.Tables;

/// <summary>What each table row carries besides its cells (the <c>includeObject</c> query parameter).</summary>
internal enum IncludeObjectPolicy
{
    None,

    /// <summary>The default: a PartialObjectMetadata, which kubectl uses for namespaces, labels and names.</summary>
    Metadata,
    Object,
}

internal static class IncludeObjectPolicies
{
    public static IncludeObjectPolicy Parse(string? value) => value switch
    {
        null or "" or "Metadata" => IncludeObjectPolicy.Metadata,
        "None" => IncludeObjectPolicy.None,
        "Object" => IncludeObjectPolicy.Object,
        _ => throw ApiErrors.BadRequest($"includeObject: Unsupported value: \"{value}\": supported values: \"Metadata\", \"None\", \"Object\""),
    };
}
