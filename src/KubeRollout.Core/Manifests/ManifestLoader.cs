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
            var failures = Validate(objects);
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

    /// <summary>The objects of every file (each file once, in the order given), to be applied together.</summary>
    public static ManifestSet LoadAll(IEnumerable<string> paths)
    {
        var files = paths.Distinct(StringComparer.Ordinal).Select(LoadFile).ToList();
        return new ManifestSet(ManifestOrdering.Order(files.SelectMany(f => f.Objects)), files.SelectMany(f => f.Failures).ToList());
    }

    /// <summary>
    /// Objects read before (Get-KubeManifest's output), to be applied together: checked again from their JSON (what
    /// an apply sends), since a script may have changed it on the way; an invalid one fails the set.
    /// </summary>
    public static ManifestSet Check(IEnumerable<ManifestObject> objects)
    {
        var all = new List<ManifestObject>();
        var failures = new List<KubeRolloutException>();
        foreach (var given in objects)
        {
            try
            {
                all.Add(given.With(given.Json));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add(new ManifestException("ManifestInvalid", FailureKind.InvalidData, given.Location, $"{given.Kind} \"{given.Name}\" is invalid: {e.Message}", e));
            }
        }

        failures.AddRange(Validate(all));
        return new ManifestSet(ManifestOrdering.Order(all), failures);
    }

    private static IReadOnlyList<KubeRolloutException> Validate(IEnumerable<ManifestObject> objects) =>
        objects
            .Select(o => (Object: o, Problems: ManifestValidator.Validate(o)))
            .Where(x => x.Problems.Count > 0)
            .Select(x => Invalid(x.Object, x.Problems))
            .ToList();

    private static KubeRolloutException Invalid(ManifestObject manifest, IReadOnlyList<ManifestProblem> problems)
    {
        var reason = $"{manifest.Kind} \"{manifest.Name}\" is invalid: {string.Join("; ", problems)}";
        return new ManifestException("ManifestInvalid", FailureKind.InvalidData, manifest.Location, reason);
    }
}
