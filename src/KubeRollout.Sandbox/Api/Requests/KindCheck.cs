using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>Refuses a body whose apiVersion and kind are not those of the endpoint, worded as the API server's decoder.</summary>
internal static class KindCheck
{
    public static void Verify(string apiVersion, string kind, string expectedApiVersion, string expectedKind)
    {
        if (apiVersion == expectedApiVersion && kind == expectedKind)
        {
            return;
        }

        var version = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..] : apiVersion;
        var prefix = $"{kind} in version \"{version}\" cannot be handled as a {expectedKind}";
        var known = ResourceTypes.ForKind(apiVersion, kind) is not null || (apiVersion == "autoscaling/v1" && kind == "Scale");
        if (!known)
        {
            throw ApiErrors.BadRequest($"{prefix}: no kind \"{kind}\" is registered for version \"{apiVersion}\" in scheme \"pkg/api/legacyscheme/scheme.go:30\"");
        }

        if (kind != expectedKind)
        {
            throw ApiErrors.BadRequest($"{prefix}: converting ({apiVersion}.{kind}) to ({expectedApiVersion}.{expectedKind}): unknown conversion");
        }

        throw ApiErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({expectedApiVersion})");
    }
}
