using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Validation;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>The query options every write understands: dryRun, fieldManager and fieldValidation.</summary>
internal sealed record WriteOptions(bool DryRun, string FieldManager, FieldValidationDirective Validation)
{
    private const int FieldManagerMaxLength = 128;

    /// <param name="optionsKind">CreateOptions, UpdateOptions, PatchOptions or DeleteOptions: how errors name the options.</param>
    public static WriteOptions From(HttpRequest request, QueryParameters query, string optionsKind)
    {
        var dryRun = ParseDryRun(query.GetAll("dryRun"), optionsKind);
        var fieldManager = query.Get("fieldManager");
        if (fieldManager is { Length: > FieldManagerMaxLength })
        {
            throw ApiErrors.InvalidOptions(optionsKind, "fieldManager", "FieldValueTooLong",
                $"Too long: may not be more than {FieldManagerMaxLength} bytes");
        }

        var validation = FieldValidationDirectives.Parse(query.Get("fieldValidation"), optionsKind);
        return new WriteOptions(dryRun, string.IsNullOrEmpty(fieldManager) ? ManagerFromUserAgent(request.Headers.UserAgent) : fieldManager, validation);
    }

    public static bool ParseDryRun(IReadOnlyList<string> values, string optionsKind)
    {
        foreach (var value in values)
        {
            if (value != "All")
            {
                throw ApiErrors.InvalidOptions(optionsKind, "dryRun", "FieldValueNotSupported",
                    $"Unsupported value: \"{value}\": supported values: \"All\"");
            }
        }

        return values.Count > 0;
    }

    /// <summary>As the API server does without a fieldManager: the user agent up to its first '/', printable characters only.</summary>
    private static string ManagerFromUserAgent(string? userAgent)
    {
        var prefix = (userAgent ?? string.Empty).Split('/')[0];
        var printable = new string(prefix.Where(c => !char.IsControl(c)).ToArray());
        return printable.Length > FieldManagerMaxLength ? printable[..FieldManagerMaxLength] : printable;
    }
}
