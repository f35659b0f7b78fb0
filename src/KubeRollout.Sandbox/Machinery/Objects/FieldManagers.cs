namespace KubeRollout.Sandbox.Machinery.Objects;

/// <summary>The field managers real components write as (they show up in managedFields).</summary>
public static class FieldManagers
{
    public const string ControllerManager = "kube-controller-manager";
    public const string Scheduler = "kube-scheduler";
    public const string Kubelet = "kubelet";
}
