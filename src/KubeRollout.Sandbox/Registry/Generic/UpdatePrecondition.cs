namespace KubeRollout.Sandbox.Registry.Generic;

/// <summary>
/// The resourceVersion an update carries, as the API server's store reads it: none, or 0, is an unconditional update
/// (every kind the sandbox serves allows one); any other version must be the stored one, else 409 Conflict.
/// </summary>
internal static class UpdatePrecondition
{
    public static bool Fails(string? requested, string? stored) =>
        !string.IsNullOrEmpty(requested) && requested != "0" && requested != stored;
}
