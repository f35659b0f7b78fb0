using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Manifests;

/// <summary>
/// Reads and validates manifest files. A file is taken whole or not at all: one unreadable document or one
/// invalid object fails the file, and nothing of that file is returned.
/// </summary>
public static class ManifestLoader
{
    public static ManifestFileResult LoadFile(string path)
    {
        try
        {
            var objects = ManifestReader.ReadFile(path);
            var failures = objects
                .Select(o => (Object: o, Problems: ManifestValidator.Validate(o)))
                .Where(x => x.Problems.Count > 0)
                .Select(x => Invalid(x.Object, x.Problems))
                .ToList();
            return failures.Count == 0 ? new(path, objects, []) : new(path, [], failures);
        }
        catch (KubeRolloutException e)
        {
            return new(path, [], [e]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever else a file provokes fails that file alone, never the session or the other files.
            var location = new ManifestLocation(path, 1, 0);
            return new(path, [], [new ManifestException("ManifestYamlInvalid", FailureKind.InvalidData, location, $"the file cannot be read: {e.Message}", e)]);
        }
    }

    private static KubeRolloutException Invalid(ManifestObject manifest, IReadOnlyList<ManifestProblem> problems)
    {
        var reason = $"{manifest.Kind} \"{manifest.Name}\" is invalid: {string.Join("; ", problems)}";
        return new ManifestException("ManifestInvalid", FailureKind.InvalidData, manifest.Location, reason);
    }
}
