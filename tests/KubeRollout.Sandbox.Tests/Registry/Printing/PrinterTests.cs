using k8s.Models;
using KubeRollout.Sandbox.Registry.Apps.ControllerRevisions;
using KubeRollout.Sandbox.Registry.Apps.ReplicaSets;
using KubeRollout.Sandbox.Registry.Core.Nodes;
using KubeRollout.Sandbox.Registry.Core.Services;
using KubeRollout.Sandbox.Registry.Printing;

namespace KubeRollout.Sandbox.Tests.Registry.Printing;

public sealed class PrinterTests
{
    private static readonly DateTime Now = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(5, "5s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(184, "3m4s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 60, "3h1m")]
    [InlineData(10 * 3600, "10h")]
    [InlineData(2 * 86400 + 3 * 3600, "2d3h")]
    [InlineData(10 * 86400, "10d")]
    [InlineData(-1, "0s")]
    [InlineData(-5, "<invalid>")]
    public void Durations_print_as_kubectl_prints_ages(int seconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void A_service_prints_its_type_ips_and_ports()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "vweb", CreationTimestamp = Now.AddSeconds(-10) },
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer",
                ClusterIP = "10.96.10.20",
                Ports = [new V1ServicePort { Port = 8090, NodePort = 31234, Protocol = "TCP" }],
                Selector = new Dictionary<string, string> { ["app"] = "vweb" },
            },
        };

        Assert.Equal(["vweb", "LoadBalancer", "10.96.10.20", "<pending>", "8090:31234/TCP", "10s", "app=vweb"], Cells(new ServicePrinter(), service));
    }

    [Fact]
    public void A_replica_set_prints_desired_current_ready_and_its_selector()
    {
        var replicaSet = new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta { Name = "vweb-5d8f", CreationTimestamp = Now.AddMinutes(-3) },
            Spec = new V1ReplicaSetSpec
            {
                Replicas = 3,
                Selector = new V1LabelSelector
                {
                    MatchLabels = new Dictionary<string, string> { ["app"] = "vweb", ["pod-template-hash"] = "5d8f" },
                    MatchExpressions = [new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "In", Values = ["web", "api"] }],
                },
                Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "v1" }, new V1Container { Name = "log", Image = "v2" }] } },
            },
            Status = new V1ReplicaSetStatus { Replicas = 3, ReadyReplicas = 2 },
        };

        Assert.Equal(["vweb-5d8f", "3", "3", "2", "3m", "web,log", "v1,v2", "app=vweb,pod-template-hash=5d8f,tier in (api,web)"],
            Cells(new ReplicaSetPrinter(), replicaSet));
    }

    [Fact]
    public void A_controller_revision_names_its_controller_by_kind_and_group()
    {
        var revision = new V1ControllerRevision
        {
            Metadata = new V1ObjectMeta
            {
                Name = "todo-db-7b9c",
                CreationTimestamp = Now.AddHours(-1),
                OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "StatefulSet", Name = "todo-db", Uid = "u", Controller = true }],
            },
            Revision = 2,
        };

        Assert.Equal(["todo-db-7b9c", "statefulset.apps/todo-db", "2", "60m"], Cells(new ControllerRevisionPrinter(), revision));
    }

    [Fact]
    public void A_node_prints_its_readiness_roles_and_version()
    {
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "node-1", CreationTimestamp = Now.AddDays(-2), Labels = new Dictionary<string, string> { ["node-role.kubernetes.io/control-plane"] = "" } },
            Spec = new V1NodeSpec { Unschedulable = true },
            Status = new V1NodeStatus
            {
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
                NodeInfo = new V1NodeSystemInfo { KubeletVersion = "v1.35.0", Architecture = "amd64", BootID = "", ContainerRuntimeVersion = "", KernelVersion = "", KubeProxyVersion = "", MachineID = "", OperatingSystem = "linux", OsImage = "", SystemUUID = "" },
                Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "172.18.0.2" }],
            },
        };

        Assert.Equal(["node-1", "Ready,SchedulingDisabled", "control-plane", "2d", "v1.35.0", "172.18.0.2", "<none>", "<unknown>", "<unknown>", "<unknown>"],
            Cells(new NodePrinter(), node));
    }

    private static string[] Cells(ITablePrinter printer, k8s.IKubernetesObject<V1ObjectMeta> obj) =>
        printer.Cells(obj, Now).Select(c => c?.ToString() ?? "<null>").ToArray();
}
