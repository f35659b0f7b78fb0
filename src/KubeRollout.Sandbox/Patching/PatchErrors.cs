using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Patching;

/// <summary>The API server's answers to patches it cannot use.</summary>
internal static class PatchErrors
{
    /// <summary>A patch document that is not well formed (the server answers 400 BadRequest).</summary>
    public static StoreException BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>A well-formed patch that does not apply to the object (the server answers 422 with the patch library's text).</summary>
    public static StoreException Unprocessable(string message) => new(422, "Invalid", message);
}
