using k8s.Models;
using KubeRollout.Sandbox.Machinery.Scheduling;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.DaemonSets;

/// <summary>
/// NodeShouldRunDaemonPod: a daemon pod should run on a node whose labels match its nodeSelector and required node
/// affinity and whose NoSchedule and NoExecute taints it tolerates (with the daemon tolerations, so not-ready,
/// unreachable and cordoned nodes count); it may keep running where only NoSchedule taints are not tolerated.
/// </summary>
public static class DaemonSetNodes
{
    public static (bool ShouldRun, bool ShouldContinueRunning) Evaluate(V1DaemonSet ds, V1Node node)
    {
        var spec = ds.Spec.Template.Spec;
        if (!string.IsNullOrEmpty(spec.NodeName) && spec.NodeName != node.Metadata.Name)
        {
            return (false, false);
        }

        var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = DaemonSetPods.WithDaemonTolerations(spec) };
        var shouldRun = NodeFit.Check(pod, node, 0) is null;
        if (shouldRun)
        {
            return (true, true);
        }

        var executeTaintsOnly = ObjectCopies.Shallow(node);
        executeTaintsOnly.Spec = node.Spec is null ? null : ObjectCopies.Shallow(node.Spec);
        if (executeTaintsOnly.Spec is not null)
        {
            executeTaintsOnly.Spec.Taints = node.Spec!.Taints?.Where(t => t.Effect == "NoExecute").ToList();
            executeTaintsOnly.Spec.Unschedulable = null;
        }

        return (false, NodeFit.Check(pod, executeTaintsOnly, 0) is null);
    }
}
