using KubeRollout.Sandbox.Tests.Api;
using KubeRollout.Sandbox.Tests.Controllers.StatefulSets;

namespace KubeRollout.Sandbox.Tests.Controllers.DaemonSets;

/// <summary>kubectl apply / rollout status / history / undo on the examples' todo-proxy DaemonSet.</summary>
public sealed class KubectlDaemonSetRolloutTests(FastSandboxFixture sandbox) : IClassFixture<FastSandboxFixture>
{
    [Fact]
    public async Task Apply_roll_out_an_update_read_history_and_undo()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var kubectl = sandbox.Kubectl;
        var proxy = Examples.Path("todo-proxy");

        var applied = await kubectl.RunAsync("apply", "-n", ns, "-f", proxy);
        var status = await kubectl.RunAsync("rollout", "status", "-n", ns, "daemonset/todo-proxy", "--timeout=60s");
        Assert.Contains("daemonset.apps/todo-proxy created", applied.Output);
        Assert.Equal((0, "daemon set \"todo-proxy\" successfully rolled out\n"), (status.ExitCode, status.Output.Split('\n')[^2] + "\n"));

        var update = await kubectl.RunAsync("apply", "-n", ns, "-f", Path.Combine(proxy, "update", "todo-proxy-v1.27.yaml"), "--record");
        var updated = await kubectl.RunAsync("rollout", "status", "-n", ns, "daemonset/todo-proxy", "--timeout=60s");
        var images = await kubectl.RunAsync("get", "pods", "-n", ns, "-l", "app=todo-proxy", "-o", "jsonpath={.items[*].spec.containers[0].image}");
        Assert.Equal(0, update.ExitCode);
        Assert.Matches("^(Waiting for daemon set \"todo-proxy\" rollout to finish: \\d of 3 updated pods are available\\.\\.\\.\n|Waiting for daemon set \"todo-proxy\" rollout to finish: \\d out of 3 new pods have been updated\\.\\.\\.\n)*daemon set \"todo-proxy\" successfully rolled out\n$", updated.Output);
        Assert.Equal("nginx:1.27-alpine nginx:1.27-alpine nginx:1.27-alpine", images.Output);

        var history = await kubectl.RunAsync("rollout", "history", "-n", ns, "daemonset/todo-proxy");
        var revision2 = await kubectl.RunAsync("rollout", "history", "-n", ns, "daemonset/todo-proxy", "--revision=2");
        var lines = history.Output.Split('\n');
        Assert.Equal("daemonset.apps/todo-proxy ", lines[0]);
        Assert.Equal("1         <none>", lines[2]);
        Assert.StartsWith("2         kubectl apply ", lines[3]);
        Assert.StartsWith("daemonset.apps/todo-proxy with revision #2\nPod Template:\n", revision2.Output);
        Assert.Contains("nginx:1.27-alpine", revision2.Output);

        var undo = await kubectl.RunAsync("rollout", "undo", "-n", ns, "daemonset/todo-proxy");
        var undone = await kubectl.RunAsync("rollout", "status", "-n", ns, "daemonset/todo-proxy", "--timeout=60s");
        var after = await kubectl.RunAsync("rollout", "history", "-n", ns, "daemonset/todo-proxy");
        var restored = await kubectl.RunAsync("get", "pods", "-n", ns, "-l", "app=todo-proxy", "-o", "jsonpath={.items[*].spec.containers[0].image}");
        Assert.Equal((0, "daemonset.apps/todo-proxy rolled back\n"), (undo.ExitCode, undo.Output));
        Assert.EndsWith("daemon set \"todo-proxy\" successfully rolled out\n", undone.Output);
        Assert.Equal(["2", "3"], after.Output.Split('\n').Skip(2).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]));
        Assert.Equal("nginx:1.26-alpine nginx:1.26-alpine nginx:1.26-alpine", restored.Output);

        var onDelete = await kubectl.RunAsync("patch", "-n", ns, "daemonset/todo-proxy", "-p", """{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}""");
        var refused = await kubectl.RunAsync("rollout", "status", "-n", ns, "daemonset/todo-proxy");
        Assert.Equal(0, onDelete.ExitCode);
        Assert.Equal((1, "error: rollout status is only available for RollingUpdate strategy type\n"), (refused.ExitCode, refused.Error));
    }
}
