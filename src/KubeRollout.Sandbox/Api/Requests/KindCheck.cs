using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Registry;

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
        var known = ResourceRegistry.ForKind(apiVersion, kind) is not null || (apiVersion == "autoscaling/v1" && kind == "Scale");
        if (!known)
        {
            throw ApiErrors.BadRequest($"{prefix}: no kind \"{kind}\" is registered for version \"{apiVersion}\" in scheme \"pkg/api/legacyscheme/scheme.go:30\"");
        }

        if (kind != expectedKind)
        {
            // Go names the versioned type by its version package and the target by its internal group package.
            var expectedGroup = expectedApiVersion.Contains('/', StringComparison.Ordinal) ? expectedApiVersion[..expectedApiVersion.IndexOf('/', StringComparison.Ordinal)] : "core";
            throw ApiErrors.BadRequest($"{prefix}: converting ({version}.{kind}) to ({expectedGroup}.{expectedKind}): unknown conversion");
        }

        throw ApiErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({expectedApiVersion})");
    }
}
