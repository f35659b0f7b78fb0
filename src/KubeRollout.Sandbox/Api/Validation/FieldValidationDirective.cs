using KubeRollout.Sandbox.Api.Errors;

namespace KubeRollout.Sandbox.Api.Validation;

/// <summary>What to do with unknown or duplicate fields in a request body (the <c>fieldValidation</c> query parameter).</summary>
internal enum FieldValidationDirective
{
    Ignore,

    /// <summary>The server's default: accept the object and send one <c>Warning</c> header per problem.</summary>
    Warn,
    Strict,
}

internal static class FieldValidationDirectives
{
    public static FieldValidationDirective Parse(string? value, string optionsKind) => value switch
    {
        null or "" or "Warn" => FieldValidationDirective.Warn,
        "Strict" => FieldValidationDirective.Strict,
        "Ignore" => FieldValidationDirective.Ignore,
        _ => throw ApiErrors.InvalidOptions(optionsKind, "fieldValidation", "FieldValueNotSupported",
            $"Unsupported value: \"{value}\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
    };
}
