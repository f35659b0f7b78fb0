using System.Text.Json.Nodes;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Apply;

/// <summary>
/// What applying one manifest object will send, computed from the live object (reads only): the object to create,
/// or the patch kubectl apply would send and the object the server will make of it.
/// </summary>
internal sealed record ObjectApplyPlan(
    ManifestObject Manifest,
    ApiResource Resource,
    string? Namespace,
    JsonObject? Live,
    JsonObject? Patch,
    JsonObject Desired,
    ApplyAction Action,
    bool TemplateChanged,
    string? ChangeCause)
{
    public ObjectReference Reference => new(Manifest.Kind, Namespace, Manifest.Name);
}
