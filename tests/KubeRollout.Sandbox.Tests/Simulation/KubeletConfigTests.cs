using k8s.Models;
using KubeRollout.Sandbox.Simulation.Kubelet;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Simulation;

/// <summary>A kubelet with ConfigMaps and Secrets that are missing, optional, or appear later.</summary>
public sealed class KubeletConfigTests
{
    private static V1Pod Pod(TestCluster cluster, string name) => cluster.Registry.Get<V1Pod>(TestCluster.Namespace, name)!;

    private static V1ConfigMap ConfigMap(string name, params (string Key, string Value)[] data) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = TestCluster.Namespace },
        Data = data.ToDictionary(d => d.Key, d => d.Value),
    };

    private static V1Pod WithVolume(string name, V1Volume volume)
    {
        var pod = Manifests.Pod(name);
        pod.Spec.Volumes = [volume];
        pod.Spec.Containers[0].VolumeMounts = [new V1VolumeMount { Name = volume.Name, MountPath = "/config" }];
        return pod;
    }

    [Fact]
    public async Task A_missing_configmap_volume_keeps_the_pod_container_creating_with_failed_mounts_until_it_appears()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        cluster.Registry.Create(WithVolume("web", new V1Volume { Name = "site", ConfigMap = new V1ConfigMapVolumeSource { Name = "web-config" } }), "test");

        await cluster.WaitUntilAsync(() => cluster.EventsFor("web").Any(e => e.Reason == "FailedMount" && e.Count >= 3), "the mount failed three times");

        var pod = Pod(cluster, "web");
        Assert.Equal("Pending", pod.Status.Phase);
        Assert.Equal("ContainerCreating", pod.Status.ContainerStatuses[0].State.Waiting.Reason);
        Assert.Null(pod.Status.PodIP);
        Assert.Equal("False", pod.Status.Conditions.Single(c => c.Type == "PodReadyToStartContainers").Status);
        Assert.Equal("True", pod.Status.Conditions.Single(c => c.Type == "Initialized").Status);
        var failed = cluster.EventsFor("web").Single(e => e.Reason == "FailedMount");
        Assert.Equal(("Warning", "MountVolume.SetUp failed for volume \"site\" : configmap \"web-config\" not found", "kubelet"), (failed.Type, failed.Message, failed.Source.Component));
        Assert.Null(failed.InvolvedObject.FieldPath);
        Assert.DoesNotContain(cluster.EventsFor("web"), e => e.Reason == "Started");

        cluster.Registry.Create(ConfigMap("web-config", ("index.html", "<p>hi</p>")), "test");

        await cluster.WaitUntilAsync(() => Pod(cluster, "web").Status?.ContainerStatuses?.FirstOrDefault()?.Ready == true, "the pod starts once its ConfigMap exists", TimeSpan.FromSeconds(30));
        Assert.NotNull(Pod(cluster, "web").Status.PodIP);
        Assert.Equal("Running", Pod(cluster, "web").Status.Phase);
    }

    [Fact]
    public async Task Env_from_a_missing_configmap_or_key_is_create_container_config_error_until_it_appears()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        var pod = Manifests.Pod("env");
        pod.Spec.Containers[0].Env = [new V1EnvVar { Name = "RELEASE", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "settings", Key = "release" } } }];
        cluster.Registry.Create(pod, "test");

        await cluster.WaitUntilAsync(() => Pod(cluster, "env").Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting?.Reason == "CreateContainerConfigError", "the container cannot be created");
        var waiting = Pod(cluster, "env").Status.ContainerStatuses[0].State.Waiting;
        Assert.Equal("configmap \"settings\" not found", waiting.Message);
        Assert.Equal("Pending", Pod(cluster, "env").Status.Phase);
        Assert.Equal("True", Pod(cluster, "env").Status.Conditions.Single(c => c.Type == "PodReadyToStartContainers").Status);
        await cluster.WaitUntilAsync(() => cluster.EventsFor("env").Any(e => e.Reason == "Failed"), "the failure is recorded");
        var failed = cluster.EventsFor("env").Single(e => e.Reason == "Failed");
        Assert.Equal(("Warning", "Error: configmap \"settings\" not found", "spec.containers{app}"), (failed.Type, failed.Message, failed.InvolvedObject.FieldPath));

        cluster.Registry.Create(ConfigMap("settings", ("other", "x")), "test");
        await cluster.WaitUntilAsync(
            () => Pod(cluster, "env").Status.ContainerStatuses[0].State.Waiting?.Message == "couldn't find key release in ConfigMap default/settings",
            "the missing key is reported", TimeSpan.FromSeconds(30));

        cluster.Modify<V1ConfigMap>("settings", c => c.Data["release"] = "v1");
        await cluster.WaitUntilAsync(() => Pod(cluster, "env").Status.ContainerStatuses[0].Ready, "the container starts once the key exists", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Optional_references_to_missing_objects_and_keys_let_the_pod_start()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        var pod = WithVolume("optional", new V1Volume { Name = "creds", Secret = new V1SecretVolumeSource { SecretName = "absent", Optional = true } });
        pod.Spec.Containers[0].Env =
        [
            new V1EnvVar { Name = "A", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "absent", Key = "k", Optional = true } } },
        ];
        pod.Spec.Containers[0].EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = "absent", Optional = true } }];
        cluster.Registry.Create(pod, "test");

        await cluster.WaitUntilAsync(() => Pod(cluster, "optional").Status?.ContainerStatuses?.FirstOrDefault()?.Ready == true, "the pod runs");

        Assert.DoesNotContain(cluster.EventsFor("optional"), e => e.Type == "Warning");
    }

    [Fact]
    public async Task An_init_container_without_its_secret_keeps_the_pod_initializing()
    {
        await using var cluster = new TestCluster(timeScale: 50);
        var pod = Manifests.Pod("init");
        pod.Spec.InitContainers =
        [
            new V1Container { Name = "first", Image = "busybox" },
            new V1Container { Name = "setup", Image = "busybox", EnvFrom = [new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = "db" } }] },
        ];
        cluster.Registry.Create(pod, "test");

        await cluster.WaitUntilAsync(() => Pod(cluster, "init").Status?.InitContainerStatuses?.Count == 2, "the init containers have a status");

        var status = Pod(cluster, "init").Status;
        Assert.Equal("Completed", status.InitContainerStatuses[0].State.Terminated.Reason);
        Assert.Equal(("CreateContainerConfigError", "secret \"db\" not found"), (status.InitContainerStatuses[1].State.Waiting.Reason, status.InitContainerStatuses[1].State.Waiting.Message));
        Assert.Equal("PodInitializing", status.ContainerStatuses[0].State.Waiting.Reason);
        var initialized = status.Conditions.Single(c => c.Type == "Initialized");
        Assert.Equal(("False", "ContainersNotInitialized", "containers with incomplete status: [setup]"), (initialized.Status, initialized.Reason, initialized.Message));
        await cluster.WaitUntilAsync(() => cluster.EventsFor("init").Any(e => e.Reason == "Failed" && e.InvolvedObject.FieldPath == "spec.initContainers{setup}"), "the failure is recorded");

        cluster.Registry.Create(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = TestCluster.Namespace }, StringData = new Dictionary<string, string> { ["p"] = "x" } }, "test");
        await cluster.WaitUntilAsync(() => Pod(cluster, "init").Status.ContainerStatuses[0].Ready, "the pod starts once the Secret exists", TimeSpan.FromSeconds(30));
        Assert.Equal("True", Pod(cluster, "init").Status.Conditions.Single(c => c.Type == "Initialized").Status);
    }

    [Fact]
    public void Volume_and_env_errors_are_worded_as_the_kubelet_words_them()
    {
        var configMap = ConfigMap("cfg", ("release", "v1"));
        configMap.BinaryData = new Dictionary<string, byte[]> { ["bin"] = [1] };
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "sec" }, Data = new Dictionary<string, byte[]> { ["password"] = [1] } };
        var lookup = new ConfigLookup(name => name == "cfg" ? configMap : null, name => name == "sec" ? secret : null);
        var spec = new V1PodSpec
        {
            Containers = [],
            Volumes =
            [
                new V1Volume { Name = "a", ConfigMap = new V1ConfigMapVolumeSource { Name = "cfg", Items = [new V1KeyToPath { Key = "bin", Path = "b" }, new V1KeyToPath { Key = "nope", Path = "n" }] } },
                new V1Volume { Name = "b", Secret = new V1SecretVolumeSource { SecretName = "sec", Items = [new V1KeyToPath { Key = "token", Path = "t" }] } },
                new V1Volume { Name = "c", Secret = new V1SecretVolumeSource { SecretName = "gone" } },
                new V1Volume
                {
                    Name = "d",
                    Projected = new V1ProjectedVolumeSource { Sources = [new V1VolumeProjection { ConfigMap = new V1ConfigMapProjection { Name = "gone" } }, new V1VolumeProjection { Secret = new V1SecretProjection { Name = "gone" } }] },
                },
                new V1Volume { Name = "e", ConfigMap = new V1ConfigMapVolumeSource { Name = "cfg", Items = [new V1KeyToPath { Key = "nope", Path = "n" }], Optional = true } },
            ],
        };

        Assert.Equal(
            [
                ("a", "configmap references non-existent config key: nope"),
                ("b", "references non-existent secret key: token"),
                ("c", "secret \"gone\" not found"),
                ("d", "[configmap \"gone\" not found, secret \"gone\" not found]"),
            ],
            ConfigSourceCheck.VolumeErrors(spec, lookup));
        var binaryOnly = new V1Container { Name = "c", Env = [new V1EnvVar { Name = "B", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "cfg", Key = "bin" } } }] };
        Assert.Equal("couldn't find key bin in ConfigMap ns/cfg", ConfigSourceCheck.EnvError(binaryOnly, "ns", lookup));
        var secretKey = new V1Container { Name = "c", Env = [new V1EnvVar { Name = "S", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "sec", Key = "user" } } }] };
        Assert.Equal("couldn't find key user in Secret ns/sec", ConfigSourceCheck.EnvError(secretKey, "ns", lookup));
    }
}
