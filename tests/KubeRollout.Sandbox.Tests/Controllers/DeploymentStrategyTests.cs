using k8s.Models;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class DeploymentStrategyTests
{
    [Fact]
    public async Task Rolling_update_with_surge_1_and_unavailable_0_never_has_more_than_4_pods_or_fewer_than_3_available()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 3, maxSurge: "1", maxUnavailable: "0"), "test");
        await cluster.WaitForRolloutAsync("vweb");
        await cluster.WaitUntilAsync(() => cluster.Pods("app=vweb").Count == 3, "only the three pods exist");

        var maxActive = 0;
        var minReady = int.MaxValue;
        using var observer = new PodObserver(cluster.Registry, "vweb", (o, _) =>
        {
            var active = o.ActivePods.Count();
            var ready = o.ReadyPods.Count();
            maxActive = Math.Max(maxActive, active);
            minReady = Math.Min(minReady, ready);
            if (active > 4)
            {
                o.Violation($"{active} pods: " + string.Join(", ", o.ActivePods.Select(p => $"{p.Metadata.Name} {p.Status?.Phase}")) + " RS: " + string.Join(", ", o.ReplicaSetsByName.Values.Select(r => $"{r.Metadata.Name} spec={r.Spec.Replicas} st={r.Status?.Replicas}/{r.Status?.AvailableReplicas} ann={r.Metadata.Annotations?["deployment.kubernetes.io/desired-replicas"]}")));
            }

            if (ready < 3)
            {
                o.Violation($"{ready} available pods");
            }
        });

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v2");
        await cluster.WaitForRolloutAsync("vweb");

        Assert.True(observer.Violations.Count == 0, string.Join("; ", observer.Violations));
        Assert.Equal(4, maxActive);
        Assert.Equal(3, minReady);
    }

    [Fact]
    public async Task Rolling_update_with_surge_1_and_unavailable_1_removes_an_old_pod_while_two_new_ones_start()
    {
        // Slow enough that no new pod can become ready (1–2 simulated seconds) before the controllers react.
        await using var cluster = new TestCluster(timeScale: 10);
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 3, maxSurge: "1", maxUnavailable: "1"), "test");
        var v1 = await cluster.WaitForRolloutAsync("vweb");
        var oldRS = Assert.Single(cluster.ReplicaSetsOf(v1)).Metadata.Name;

        var readyNewPodsWhenOldWentTo2 = -1;
        var readyNewPodsWhenNewWentTo2 = -1;
        using var observer = new PodObserver(cluster.Registry, "vweb", (o, change) =>
        {
            if (change.Object is not V1ReplicaSet rs)
            {
                return;
            }

            var readyNew = o.ReadyPods.Count(p => p.Spec.Containers[0].Image.EndsWith(":v2", StringComparison.Ordinal));
            if (rs.Metadata.Name == oldRS && rs.Spec.Replicas == 2 && readyNewPodsWhenOldWentTo2 < 0)
            {
                readyNewPodsWhenOldWentTo2 = readyNew;
            }

            if (rs.Metadata.Name != oldRS && rs.Spec.Replicas == 2 && readyNewPodsWhenNewWentTo2 < 0)
            {
                readyNewPodsWhenNewWentTo2 = readyNew;
            }
        });

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v2");
        await cluster.WaitForRolloutAsync("vweb");

        Assert.Equal(0, readyNewPodsWhenOldWentTo2);
        Assert.Equal(0, readyNewPodsWhenNewWentTo2);
    }

    [Fact]
    public async Task Recreate_never_has_old_and_new_pods_at_once()
    {
        await using var cluster = new TestCluster();
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 3, strategy: "Recreate"), "test");
        await cluster.WaitForRolloutAsync("vweb");

        var sawOld = false;
        var sawNew = false;
        using var observer = new PodObserver(cluster.Registry, "vweb", (o, _) =>
        {
            var images = o.PodsByName.Values.Select(p => p.Spec.Containers[0].Image).Distinct().ToList();
            sawOld |= images.Contains("kiamol/ch09-vweb:v1");
            sawNew |= images.Contains("kiamol/ch09-vweb:v2");
            if (images.Count > 1)
            {
                o.Violation(string.Join(", ", o.PodsByName.Keys));
            }
        });

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:v2");
        var d = await cluster.WaitForRolloutAsync("vweb");

        Assert.True(observer.Violations.Count == 0, string.Join("; ", observer.Violations));
        Assert.True(sawOld && sawNew);
        Assert.Equal("2", d.Metadata.Annotations["deployment.kubernetes.io/revision"]);
    }

    [Fact]
    public async Task A_failing_image_crash_loops_and_the_deployment_exceeds_its_progress_deadline()
    {
        await using var cluster = new TestCluster(failingImages: ["*:bad"]);
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 2, progressDeadlineSeconds: 30), "test");
        await cluster.WaitForRolloutAsync("vweb");

        var backOffMessages = new HashSet<string>();
        var maxRestarts = 0;
        using var observer = new PodObserver(cluster.Registry, "vweb", (o, change) =>
        {
            if (change.Object is V1Pod { Status.ContainerStatuses: [var status] } pod && pod.Spec.Containers[0].Image.EndsWith(":bad", StringComparison.Ordinal))
            {
                maxRestarts = Math.Max(maxRestarts, status.RestartCount);
                if (status.Ready)
                {
                    o.Violation("a crashing container was Ready");
                }

                if (status.State.Waiting?.Reason == "CrashLoopBackOff")
                {
                    backOffMessages.Add(status.State.Waiting.Message.Split(' ')[1]);
                    if (status.LastState.Terminated?.ExitCode != 1)
                    {
                        o.Violation("the last state is not a termination with exit code 1");
                    }
                }
            }
        });

        cluster.Modify<V1Deployment>("vweb", d => d.Spec.Template.Spec.Containers[0].Image = "kiamol/ch09-vweb:bad");

        await cluster.WaitUntilAsync(
            () => cluster.Deployment("vweb").Status.Conditions.Any(c => c.Type == "Progressing" && c.Reason == "ProgressDeadlineExceeded"),
            "the progress deadline is exceeded");
        var d = cluster.Deployment("vweb");
        var newRS = cluster.ReplicaSetsOf(d).Single(rs => rs.Spec.Template.Spec.Containers[0].Image.EndsWith(":bad", StringComparison.Ordinal));
        var progressing = d.Status.Conditions.Single(c => c.Type == "Progressing");
        Assert.Equal("False", progressing.Status);
        Assert.Equal($"ReplicaSet \"{newRS.Metadata.Name}\" has timed out progressing.", progressing.Message);
        Assert.Equal(2, d.Status.AvailableReplicas);

        await cluster.WaitUntilAsync(() => maxRestarts >= 3, "the crashing pod restarts a third time");
        Assert.True(observer.Violations.Count == 0, string.Join("; ", observer.Violations));
        Assert.Contains("10s", backOffMessages);
        Assert.Contains("20s", backOffMessages);
    }

    [Fact]
    public async Task A_pod_that_crashes_before_min_ready_seconds_never_counts_as_available()
    {
        // A slower clock: the pod is Ready for 3 simulated seconds, a window a loaded machine could skip at 100x.
        await using var cluster = new TestCluster(timeScale: 10);
        var annotations = new Dictionary<string, string>
        {
            ["sandbox.kuberollout.io/behavior"] = "crash",
            ["sandbox.kuberollout.io/crash-after-seconds"] = "3",
        };
        cluster.Registry.Create(Manifests.Deployment("flaky", replicas: 1, minReadySeconds: 10, podAnnotations: annotations), "test");

        var everReady = false;
        using var observer = new PodObserver(cluster.Registry, "flaky", (o, change) =>
        {
            everReady |= o.ReadyPods.Any();
            if (change.Object is V1ReplicaSet { Status.AvailableReplicas: > 0 })
            {
                o.Violation("the ReplicaSet counted an available replica");
            }
        });

        await cluster.WaitUntilAsync(
            () => cluster.Pods("app=flaky").Any(p => p.Status?.ContainerStatuses?.FirstOrDefault()?.RestartCount >= 3),
            "the pod has been Ready and crashed three times");

        Assert.True(everReady);
        Assert.True(observer.Violations.Count == 0, string.Join("; ", observer.Violations));
        Assert.Equal(0, cluster.Deployment("flaky").Status.AvailableReplicas ?? 0);
    }

    [Fact]
    public async Task A_ready_pod_counts_as_available_only_after_min_ready_seconds()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        cluster.Registry.Create(Manifests.Deployment("vweb", replicas: 1, minReadySeconds: 5), "test");
        DateTime? availableAt = null;
        using var observer = new PodObserver(cluster.Registry, "vweb", (_, change) =>
        {
            if (change.Object is V1ReplicaSet { Status.AvailableReplicas: 1 } && availableAt is null)
            {
                availableAt = cluster.Clock.UtcNow;
            }
        });

        await cluster.WaitForRolloutAsync("vweb");

        var pod = Assert.Single(cluster.ActivePods("app=vweb"));
        var readySince = pod.Status.Conditions.Single(c => c.Type == "Ready").LastTransitionTime!.Value;
        Assert.NotNull(availableAt);
        Assert.InRange((availableAt.Value - readySince).TotalSeconds, 5, 60);
    }
}
