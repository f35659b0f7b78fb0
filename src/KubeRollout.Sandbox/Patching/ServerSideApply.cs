using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Patching;

/// <summary>Server-side apply (application/apply-patch+yaml) with managedFields. CONTRACT STUB: the patching work replaces the body.</summary>
public static class ServerSideApply
{
    /// <summary>
    /// Merges <paramref name="applied"/> (the manager's whole intent) into <paramref name="live"/> (null: the object is
    /// created), removes fields this manager owned before and no longer applies, records managedFields.
    /// Conflicts with other managers throw StoreException 409 Conflict with causes unless <paramref name="force"/>.
    /// </summary>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, Type modelType, string fieldManager, bool force, DateTime now) =>
        throw new NotImplementedException();
}
