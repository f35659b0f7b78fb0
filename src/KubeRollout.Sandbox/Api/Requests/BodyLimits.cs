namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>
/// The bounds every request body is read within, so that no body can exhaust the sandbox's stack or memory.
/// The size is the API server's (MaxRequestBodyBytes, 3 MiB). A real server nests YAML and JSON up to 10,000
/// levels; the sandbox walks objects recursively and stops at <see cref="MaxDepth"/>, deeper than any object of the
/// kinds it serves.
/// </summary>
internal static class BodyLimits
{
    /// <summary>The API server's limit on request bodies (413 RequestEntityTooLarge above it).</summary>
    public const long MaxBytes = 3 * 1024 * 1024;

    /// <summary>The deepest nesting of mappings and sequences (400 BadRequest below it).</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// The most a YAML body may grow to once its aliases are expanded (413, as a real server refuses an object
    /// too large to store).
    /// </summary>
    public const long MaxExpandedBytes = 4 * MaxBytes;
}
