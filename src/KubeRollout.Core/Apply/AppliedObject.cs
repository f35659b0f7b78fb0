using System.Text.Json.Nodes;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Apply;

/// <summary>One object an apply wrote, with what it was before (null: the apply created it) and what it became.</summary>
public sealed record AppliedObject(ApplyResult Result, ApiResource Resource, ObjectReference Reference, JsonObject? Before, JsonObject After);
