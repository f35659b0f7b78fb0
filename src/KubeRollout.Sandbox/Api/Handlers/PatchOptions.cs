using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>The options of a PATCH request: the write options plus the patch type and <c>force</c> (apply only).</summary>
internal sealed record PatchOptions(WriteOptions Write, BodyFormat Format, bool Force)
{
    public static PatchOptions From(HttpRequest request)
    {
        var query = new QueryParameters(request.Query);
        var write = WriteOptions.From(request, query, "PatchOptions");
        var format = BodyContentType.ForPatch(request);
        var isApply = format == BodyFormat.ApplyPatch;
        if (query.Has("force") && !isApply)
        {
            throw ApiErrors.InvalidOptions("PatchOptions", "force", "FieldValueForbidden", "Forbidden: may not be specified for non-apply patch");
        }

        if (isApply && string.IsNullOrEmpty(query.Get("fieldManager")))
        {
            throw ApiErrors.InvalidOptions("PatchOptions", "fieldManager", "FieldValueRequired", "Required value: is required for apply patch");
        }

        return new PatchOptions(write, format, isApply && query.GetBool("force"));
    }
}
