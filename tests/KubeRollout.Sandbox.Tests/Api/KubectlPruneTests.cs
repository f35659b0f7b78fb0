using static KubeRollout.Sandbox.Tests.Api.KubectlOutput;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// <c>kubectl apply --prune</c> with kubectl's default prune list, which names every kind it may prune (among them
/// ReplicationControllers, PersistentVolumes and CronJobs): kubectl maps them all before it prunes, so the sandbox must
/// serve them all.
/// </summary>
public sealed class KubectlPruneTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task Apply_with_prune_deletes_the_labelled_objects_no_longer_in_the_files()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var directory = Directory.CreateDirectory(Path.Combine(sandbox.Directory, "prune-" + ns)).FullName;
        var label = $"app: {ns}";
        await File.WriteAllTextAsync(Path.Combine(directory, "config.yaml"), $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{ name: kept, labels: {{ {label} }} }}\ndata: {{ a: b }}");
        var controller = Path.Combine(directory, "rc.yaml");
        await File.WriteAllTextAsync(controller, $$"""
            apiVersion: v1
            kind: ReplicationController
            metadata: { name: old, labels: { {{label}} } }
            spec:
              replicas: 0
              template:
                metadata: { labels: { app: old } }
                spec: { containers: [ { name: web, image: "nginx:1.27" } ] }
            """);
        var volume = Path.Combine(directory, "pv.yaml");
        await File.WriteAllTextAsync(volume, $$"""
            apiVersion: v1
            kind: PersistentVolume
            metadata: { name: {{ns}}, labels: { {{label}} } }
            spec: { capacity: { storage: 1Gi }, accessModes: [ ReadWriteOnce ], hostPath: { path: /data } }
            """);
        var created = await Kubectl.RunAsync("apply", "-n", ns, "-f", directory);
        File.Delete(controller);
        File.Delete(volume);

        var pruned = await Kubectl.RunAsync("apply", "-n", ns, "--prune", "-l", $"app={ns}", "-f", directory);
        var left = await Kubectl.RunAsync("get", "configmaps,replicationcontrollers", "-n", ns, "-l", $"app={ns}", "-o", "name");
        var volumes = await Kubectl.RunAsync("get", "pv", "-l", $"app={ns}", "-o", "name");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.True(pruned.ExitCode == 0, pruned.Error);
        Assert.Equal(["configmap/kept unchanged", "replicationcontroller/old pruned", $"persistentvolume/{ns} pruned"], Lines(pruned.Output));
        Assert.Equal(["configmap/kept"], Lines(left.Output));
        Assert.Empty(Lines(volumes.Output));
    }
}
