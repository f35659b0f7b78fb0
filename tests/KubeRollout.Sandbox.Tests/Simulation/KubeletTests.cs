using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Simulation;

public sealed class KubeletTests
{
    [Fact]
    public async Task A_pod_goes_from_container_creating_to_running_and_ready_with_a_complete_status()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        var states = new List<string>();
        void Record(StoreEvent change)
        {
            if (change.Object is V1Pod { Metadata.Name: "web", Status.ContainerStatuses: [var status] })
            {
                states.Add(status.State.Waiting?.Reason ?? (status.State.Running is not null ? $"Running ready={status.Ready}" : "?"));
            }
        }

        cluster.Store.Changed += Record;
        cluster.Registry.Create(Manifests.Pod("web", image: "nginx:1.27"), "test");
        await cluster.WaitUntilAsync(() => Pod(cluster, "web")?.Status?.ContainerStatuses?.FirstOrDefault()?.Ready == true, "the pod is ready");
        cluster.Store.Changed -= Record;

        Assert.Equal(["ContainerCreating", "Running ready=True"], states.Distinct());
        var pod = Pod(cluster, "web")!;
        var node = cluster.Registry.Get<V1Node>(null, pod.Spec.NodeName)!;
        Assert.Equal("Running", pod.Status.Phase);
        Assert.Equal(node.Status.Addresses.Single(a => a.Type == "InternalIP").Address, pod.Status.HostIP);
        Assert.Equal(pod.Status.HostIP, Assert.Single(pod.Status.HostIPs).Ip);
        Assert.StartsWith(node.Spec.PodCIDR.Split('.')[0] + "." + node.Spec.PodCIDR.Split('.')[1] + ".", pod.Status.PodIP);
        Assert.Equal(pod.Status.PodIP, Assert.Single(pod.Status.PodIPs).Ip);
        Assert.NotNull(pod.Status.StartTime);
        Assert.Equal("BestEffort", pod.Status.QosClass);
        Assert.Equal(
            ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"],
            pod.Status.Conditions.Select(c => c.Type));
        Assert.All(pod.Status.Conditions, c =>
        {
            Assert.Equal("True", c.Status);
            Assert.NotNull(c.LastTransitionTime);
        });
        var container = Assert.Single(pod.Status.ContainerStatuses);
        Assert.Equal("app", container.Name);
        Assert.Equal("docker.io/library/nginx:1.27", container.Image);
        Assert.Matches("^docker.io/library/nginx@sha256:[0-9a-f]{64}$", container.ImageID);
        Assert.Matches("^containerd://[0-9a-f]{64}$", container.ContainerID);
        Assert.True(container.Started);
        Assert.Equal(0, container.RestartCount);
        Assert.NotNull(container.State.Running.StartedAt);
        Assert.Null(container.LastState.Terminated);
        await cluster.WaitUntilAsync(
            () => cluster.EventsFor("web").Select(e => e.Reason).ToHashSet().IsSupersetOf(["Scheduled", "Pulled", "Created", "Started"]),
            "the pod's events are recorded");
        Assert.Equal("Started container app", cluster.EventsFor("web").Single(e => e.Reason == "Started").Message);
    }

    [Fact]
    public async Task A_readiness_probe_delays_ready_by_its_initial_delay()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        var pod = Manifests.Pod("probed");
        pod.Spec.Containers[0].ReadinessProbe = new V1Probe { InitialDelaySeconds = 8, HttpGet = new V1HTTPGetAction { Path = "/", Port = 80 } };
        cluster.Registry.Create(pod, "test");

        await cluster.WaitUntilAsync(() => Pod(cluster, "probed")?.Status?.ContainerStatuses?.FirstOrDefault()?.Ready == true, "the pod is ready");

        var status = Pod(cluster, "probed")!.Status;
        var started = status.ContainerStatuses[0].State.Running.StartedAt!.Value;
        var ready = status.Conditions.Single(c => c.Type == "Ready").LastTransitionTime!.Value;
        Assert.InRange((ready - started).TotalSeconds, 7, 9);
    }

    [Fact]
    public async Task A_crashing_container_restarts_with_growing_back_off_and_is_never_ready()
    {
        await using var cluster = new TestCluster(timeScale: 200, failingImages: ["*:crash"]);
        var messages = new List<string>();
        var everReady = false;
        void Record(StoreEvent change)
        {
            if (change.Object is V1Pod { Metadata.Name: "crasher", Status.ContainerStatuses: [var status] })
            {
                everReady |= status.Ready;
                if (status.State.Waiting is { Reason: "CrashLoopBackOff" } waiting && !messages.Contains(waiting.Message))
                {
                    messages.Add(waiting.Message);
                }
            }
        }

        cluster.Store.Changed += Record;
        var created = cluster.Registry.Create(Manifests.Pod("crasher", image: "example/app:crash"), "test");
        await cluster.WaitUntilAsync(() => Pod(cluster, "crasher")?.Status?.ContainerStatuses?.FirstOrDefault()?.RestartCount >= 4, "the container restarted four times");
        cluster.Store.Changed -= Record;

        Assert.False(everReady);
        var suffix = $"restarting failed container=app pod=crasher_default({created.Metadata.Uid})";
        Assert.Equal([$"back-off 10s {suffix}", $"back-off 20s {suffix}", $"back-off 40s {suffix}"], messages.Take(3));
        var pod = Pod(cluster, "crasher")!;
        Assert.Equal("Running", pod.Status.Phase);
        var lastState = pod.Status.ContainerStatuses[0].LastState.Terminated;
        Assert.Equal((1, "Error"), (lastState.ExitCode, lastState.Reason));
        var ready = pod.Status.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal(("False", "ContainersNotReady", "containers with unready status: [app]"), (ready.Status, ready.Reason, ready.Message));
        await cluster.WaitUntilAsync(() => cluster.EventsFor("crasher").Any(e => e.Reason == "BackOff"), "a BackOff event is recorded");
    }

    [Fact]
    public async Task An_unpullable_image_shows_err_image_pull_then_image_pull_back_off()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        var reasons = new List<string>();
        void Record(StoreEvent change)
        {
            if (change.Object is V1Pod { Metadata.Name: "nopull", Status.ContainerStatuses: [{ State.Waiting.Reason: var reason }] } && (reasons.Count == 0 || reasons[^1] != reason))
            {
                reasons.Add(reason);
            }
        }

        cluster.Store.Changed += Record;
        cluster.Registry.Create(Manifests.Pod("nopull", annotations: new Dictionary<string, string> { ["sandbox.kuberollout.io/behavior"] = "unpullable" }), "test");
        await cluster.WaitUntilAsync(() => reasons.Count(r => r == "ErrImagePull") >= 2, "the pull is retried");
        cluster.Store.Changed -= Record;

        Assert.Equal(["ContainerCreating", "ErrImagePull", "ImagePullBackOff", "ErrImagePull"], reasons.Take(4));
        Assert.Equal("Pending", Pod(cluster, "nopull")!.Status.Phase);
    }

    [Fact]
    public async Task Failure_rules_from_the_config_map_apply_to_the_next_container_start()
    {
        await using var cluster = new TestCluster(timeScale: 200);
        cluster.Registry.Create(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = "sandbox-kubelet", NamespaceProperty = "kube-system" },
                Data = new Dictionary<string, string> { ["failingImages"] = "other:*\nexample/*:broken, never:*" },
            },
            "test");
        cluster.Registry.Create(Manifests.Pod("flaky", image: "example/app:broken"), "test");
        await cluster.WaitUntilAsync(() => Pod(cluster, "flaky")?.Status?.ContainerStatuses?.FirstOrDefault()?.RestartCount >= 1, "the container crashed");

        cluster.Modify<V1ConfigMap>("sandbox-kubelet", cm => cm.Data["failingImages"] = "other:*", @namespace: "kube-system");

        await cluster.WaitUntilAsync(() => Pod(cluster, "flaky")?.Status?.ContainerStatuses?.FirstOrDefault()?.Ready == true, "the restarted container runs");
    }

    [Fact]
    public async Task A_deleted_pod_is_terminating_for_a_moment_and_then_removed()
    {
        await using var cluster = new TestCluster(timeScale: 20);
        cluster.Registry.Create(Manifests.Pod("goner"), "test");
        await cluster.WaitUntilAsync(() => Pod(cluster, "goner")?.Status?.Phase == "Running", "the pod runs");

        cluster.Registry.Delete<V1Pod>(TestCluster.Namespace, "goner");

        var terminating = Pod(cluster, "goner");
        Assert.NotNull(terminating);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal(30, terminating.Metadata.DeletionGracePeriodSeconds);
        await cluster.WaitUntilAsync(() => Pod(cluster, "goner") is null, "the pod is removed");
        await cluster.WaitUntilAsync(() => cluster.EventsFor("goner").Any(e => e.Reason == "Killing" && e.Message == "Stopping container app"), "Killing is recorded");
    }

    [Fact]
    public async Task A_crashing_pod_that_never_restarts_fails()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        var pod = Manifests.Pod("once", annotations: new Dictionary<string, string> { ["sandbox.kuberollout.io/behavior"] = "crash" });
        pod.Spec.RestartPolicy = "Never";
        cluster.Registry.Create(pod, "test");

        await cluster.WaitUntilAsync(() => Pod(cluster, "once")?.Status?.Phase == "Failed", "the pod fails");
        Assert.Equal(1, Pod(cluster, "once")!.Status.ContainerStatuses[0].State.Terminated.ExitCode);
    }

    [Fact]
    public async Task Pods_of_a_removed_node_are_deleted()
    {
        await using var cluster = new TestCluster(nodes: 1);
        cluster.Registry.Create(Manifests.Pod("stranded"), "test");
        await cluster.WaitUntilAsync(() => Pod(cluster, "stranded")?.Status?.Phase == "Running", "the pod runs");

        cluster.Registry.Delete<V1Node>(null, "sandbox-node-1");

        await cluster.WaitUntilAsync(() => Pod(cluster, "stranded") is null, "the pod is gone");
    }

    [Theory]
    [InlineData("Never")]
    [InlineData("OnFailure")]
    public async Task A_pod_that_is_not_always_restarted_runs_to_completion(string restartPolicy)
    {
        await using var cluster = new TestCluster(timeScale: 50);
        var pod = Manifests.Pod("once");
        pod.Spec.RestartPolicy = restartPolicy;
        cluster.Registry.Create(pod, "test");
        var sawRunning = false;
        void Record(StoreEvent change) => sawRunning |= change.Object is V1Pod { Metadata.Name: "once", Status.Phase: "Running" };
        cluster.Store.Changed += Record;

        await cluster.WaitUntilAsync(() => Pod(cluster, "once")?.Status?.Phase == "Succeeded", "the pod succeeded");
        cluster.Store.Changed -= Record;
        await cluster.PassSimulatedTime(TimeSpan.FromSeconds(30));

        var status = Pod(cluster, "once")!.Status;
        Assert.True(sawRunning, "the container ran before it completed");
        Assert.Equal("Succeeded", status.Phase);
        var container = Assert.Single(status.ContainerStatuses);
        Assert.Equal((0, "Completed"), (container.State.Terminated.ExitCode, container.State.Terminated.Reason));
        Assert.Equal(0, container.RestartCount);
        Assert.False(container.Ready);
        Assert.False(container.Started);
        Assert.Equal(
            [("Ready", "False", "PodCompleted"), ("ContainersReady", "False", "PodCompleted"), ("PodReadyToStartContainers", "False", null)],
            status.Conditions.Where(c => c.Type is "Ready" or "ContainersReady" or "PodReadyToStartContainers").Select(c => (c.Type, c.Status, (string?)c.Reason)).OrderBy(c => c.Type == "PodReadyToStartContainers"));
        Assert.Equal("Completed", ((object?[])new KubeRollout.Sandbox.Registry.Core.Pods.PodStrategy().Printer.Cells(Pod(cluster, "once")!, DateTime.UtcNow))[2]);
    }

    [Fact]
    public async Task A_failing_pod_under_OnFailure_restarts_and_an_always_restarted_one_keeps_running()
    {
        await using var cluster = new TestCluster(timeScale: 50, failingImages: ["*:crash"]);
        var failing = Manifests.Pod("retry", image: "nginx:crash");
        failing.Spec.RestartPolicy = "OnFailure";
        cluster.Registry.Create(failing, "test");
        cluster.Registry.Create(Manifests.Pod("service"), "test");

        await cluster.WaitUntilAsync(() => Pod(cluster, "retry")?.Status?.ContainerStatuses?.FirstOrDefault()?.RestartCount >= 1, "the failing pod restarted");
        await cluster.PassSimulatedTime(TimeSpan.FromSeconds(10));

        Assert.Equal("Running", Pod(cluster, "retry")!.Status.Phase);
        Assert.Equal("Running", Pod(cluster, "service")!.Status.Phase);
        Assert.True(Pod(cluster, "service")!.Status.ContainerStatuses[0].Ready);
    }

    private static V1Pod? Pod(TestCluster cluster, string name) => cluster.Registry.Get<V1Pod>(TestCluster.Namespace, name);
}
