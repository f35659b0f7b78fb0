using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Core.Pods;

/// <summary>What the pods/binding subresource writes (BindingREST.setPodNodeAndMetadata): the node and PodScheduled.</summary>
internal static class PodBinding
{
    public static V1Pod Bind(V1Pod stored, string nodeName, DateTime now)
    {
        var bound = ObjectCopies.Shallow(stored);
        bound.Metadata = ObjectCopies.Shallow(stored.Metadata);
        bound.Spec = ObjectCopies.Shallow(stored.Spec);
        bound.Spec.NodeName = nodeName;
        bound.Status = ObjectCopies.Shallow(stored.Status ?? new V1PodStatus());
        var scheduled = new V1PodCondition
        {
            Type = "PodScheduled",
            Status = "True",
            LastTransitionTime = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc),
            ObservedGeneration = stored.Metadata.Generation,
        };
        bound.Status.Conditions = [.. (stored.Status?.Conditions ?? []).Where(c => c.Type != "PodScheduled"), scheduled];
        return bound;
    }
}
