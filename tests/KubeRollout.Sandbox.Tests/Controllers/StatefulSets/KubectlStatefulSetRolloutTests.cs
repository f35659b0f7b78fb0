using KubeRollout.Sandbox.Tests.Api;

namespace KubeRollout.Sandbox.Tests.Controllers.StatefulSets;

/// <summary>kubectl apply / rollout status / history / undo on the examples' todo-db StatefulSet (five replicas).</summary>
public sealed class KubectlStatefulSetRolloutTests(FastSandboxFixture sandbox) : IClassFixture<FastSandboxFixture>
{
    [Fact]
    public async Task Apply_roll_out_a_partitioned_update_read_history_and_undo()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var kubectl = sandbox.Kubectl;
        var db = Examples.Path("todo-db");

        var applied = await kubectl.RunAsync("apply", "-n", ns, "-f", db);
        var status = await kubectl.RunAsync("rollout", "status", "-n", ns, "statefulset/todo-db", "--timeout=60s");
        Assert.Equal(0, applied.ExitCode);
        Assert.Contains("statefulset.apps/todo-db created", applied.Output);
        Assert.Equal(0, status.ExitCode);
        Assert.EndsWith("partitioned roll out complete: 5 new pods have been updated...\n", status.Output);

        var update = await kubectl.RunAsync("apply", "-n", ns, "-f", Path.Combine(db, "update", "todo-db-v16.6-partition.yaml"), "--record");
        var updated = await kubectl.RunAsync("rollout", "status", "-n", ns, "statefulset/todo-db", "--timeout=60s");
        var pods = await kubectl.RunAsync("get", "pods", "-n", ns, "-l", "app=todo-db", "-o", "jsonpath={range .items[*]}{.metadata.name}={.spec.containers[0].image} {end}");
        Assert.Equal(0, update.ExitCode);
        Assert.EndsWith("partitioned roll out complete: 2 new pods have been updated...\n", updated.Output);
        Assert.Equal(
            "todo-db-0=postgres:16.4-alpine todo-db-1=postgres:16.4-alpine todo-db-2=postgres:16.4-alpine todo-db-3=postgres:16.6-alpine todo-db-4=postgres:16.6-alpine ",
            pods.Output);

        var history = await kubectl.RunAsync("rollout", "history", "-n", ns, "statefulset/todo-db");
        var revision1 = await kubectl.RunAsync("rollout", "history", "-n", ns, "statefulset/todo-db", "--revision=1");
        Assert.Equal(0, history.ExitCode);
        var lines = history.Output.Split('\n');
        Assert.Equal("statefulset.apps/todo-db ", lines[0]);
        Assert.Equal("REVISION  CHANGE-CAUSE", lines[1]);
        Assert.Equal("1         <none>", lines[2]);
        Assert.StartsWith("2         kubectl apply ", lines[3]);
        Assert.Contains("--record=true", lines[3]);
        Assert.StartsWith("statefulset.apps/todo-db with revision #1\nPod Template:\n", revision1.Output);
        Assert.Contains("postgres:16.4-alpine", revision1.Output);

        var undo = await kubectl.RunAsync("rollout", "undo", "-n", ns, "statefulset/todo-db");
        var undone = await kubectl.RunAsync("rollout", "status", "-n", ns, "statefulset/todo-db", "--timeout=60s");
        var after = await kubectl.RunAsync("rollout", "history", "-n", ns, "statefulset/todo-db");
        var again = await kubectl.RunAsync("rollout", "undo", "-n", ns, "statefulset/todo-db", "--to-revision=3");
        Assert.Equal((0, "statefulset.apps/todo-db rolled back\n"), (undo.ExitCode, undo.Output));
        // The old revision comes back under a new number with its old hash, so pods 0-2 count as updated at once: kubectl
        // reports completion as soon as the ready pods reach the partition's count, while pods 3 and 4 may still be rolling back.
        Assert.Matches(@"partitioned roll out complete: [2-5] new pods have been updated\.\.\.\n$", undone.Output);
        Assert.Equal(["2", "3"], after.Output.Split('\n').Skip(2).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]));
        Assert.Equal("statefulset.apps/todo-db skipped rollback (current template already matches revision 3)\n", again.Output);

        var onDelete = await kubectl.RunAsync("patch", "-n", ns, "statefulset/todo-db", "-p", """{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}""");
        var refused = await kubectl.RunAsync("rollout", "status", "-n", ns, "statefulset/todo-db");
        Assert.Equal(0, onDelete.ExitCode);
        Assert.Equal((1, "error: rollout status is only available for RollingUpdate strategy type\n"), (refused.ExitCode, refused.Error));
    }
}
