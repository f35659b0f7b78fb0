using System.Security.Cryptography;
using System.Text;

namespace KubeRollout.Sandbox.Simulation;

/// <summary>Image references as containerd reports them in container statuses.</summary>
public static class ImageReference
{
    /// <summary><c>nginx</c> → <c>docker.io/library/nginx:latest</c>; <c>kiamol/vweb:v1</c> → <c>docker.io/kiamol/vweb:v1</c>.</summary>
    public static string Normalize(string image)
    {
        var firstSlash = image.IndexOf('/', StringComparison.Ordinal);
        var firstPart = firstSlash < 0 ? string.Empty : image[..firstSlash];
        var hasRegistry = firstPart.Contains('.', StringComparison.Ordinal) || firstPart.Contains(':', StringComparison.Ordinal) || firstPart == "localhost";
        var path = hasRegistry ? image : firstSlash < 0 ? $"docker.io/library/{image}" : $"docker.io/{image}";
        var lastSlash = path.LastIndexOf('/');
        var name = path[(lastSlash + 1)..];
        return name.Contains(':', StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal) ? path : path + ":latest";
    }

    /// <summary>The repository digest reference (imageID), stable per image: <c>docker.io/library/nginx@sha256:…</c>.</summary>
    public static string ImageId(string image)
    {
        var normalized = Normalize(image);
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return normalized;
        }

        var lastSlash = normalized.LastIndexOf('/');
        var colon = normalized.IndexOf(':', lastSlash + 1);
        var repository = colon < 0 ? normalized : normalized[..colon];
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        return $"{repository}@sha256:{digest}";
    }
}
