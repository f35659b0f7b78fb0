using System.Diagnostics;
using System.Globalization;
using System.Text;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Rollouts.Waiting;
using KubeRollout.Core.Sandboxes;
using KubeRollout.Core.Workloads;

// Measures the sandbox as users run it: a separate process reached over HTTPS through its kubeconfig.
// Usage: KubeRollout.Benchmarks <path to kuberollout-sandbox.dll>
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: KubeRollout.Benchmarks <kuberollout-sandbox.dll>");
    return 2;
}

var figures = new List<(string Name, string Value, string Target)>();
figures.Add(await RolloutOf1000Replicas(args[0]));
Console.WriteLine($"{figures[^1].Name}: {figures[^1].Value}");
figures.AddRange(await TenThousandPodsAndGetLatency(args[0]));

Console.WriteLine();
Console.WriteLine("| benchmark | measured | target |");
Console.WriteLine("|---|---|---|");
foreach (var (name, value, target) in figures)
{
    Console.WriteLine($"| {name} | {value} | {target} |");
}

return 0;

static async Task<(string, string, string)> RolloutOf1000Replicas(string program)
{
    await using var sandbox = await BenchmarkSandbox.StartAsync(program, timeScale: 100, nodes: 10);
    using var client = KubeApiClient.Connect(new ConnectionOptions(sandbox.Info.KubeConfig));
    await client.CreateAsync(ApiResource.Deployments, "default", Deployment("big", 1000, "v1"), dryRun: false, CancellationToken.None);
    await WaitComplete(client, "big");

    // The measured rollout: a template change of a running 1,000-replica Deployment (25% surge, 25% unavailable).
    var watch = Stopwatch.StartNew();
    await client.PatchAsync<V1Deployment>(ApiResource.Deployments, "default", "big",
        """{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"bench:v2"}]}}}}""", PatchKind.StrategicMerge, false, CancellationToken.None);
    await WaitComplete(client, "big");
    watch.Stop();
    return ("1,000-replica Deployment rolls out completely (time scale 100)", $"{watch.Elapsed.TotalSeconds:0.00} s", "< 5 s");
}

static async Task<IEnumerable<(string, string, string)>> TenThousandPodsAndGetLatency(string program)
{
    await using var sandbox = await BenchmarkSandbox.StartAsync(program, timeScale: 100, nodes: 20);
    using var client = KubeApiClient.Connect(new ConnectionOptions(sandbox.Info.KubeConfig));
    for (var i = 0; i < 10; i++)
    {
        await client.CreateAsync(ApiResource.Deployments, "default", Deployment($"fleet-{i}", 1000, "v1"), dryRun: false, CancellationToken.None);
    }

    for (var i = 0; i < 10; i++)
    {
        await WaitComplete(client, $"fleet-{i}");
    }

    var pods = (await client.ListAsync<V1Pod>(ApiResource.Pods, null, CancellationToken.None)).Items.Count;
    GC.Collect();
    await Task.Delay(2000);
    var rss = ResidentMegabytes(sandbox.Info.ProcessId);

    var timings = new List<double>();
    for (var i = 0; i < 1000; i++)
    {
        var watch = Stopwatch.StartNew();
        await client.GetAsync<V1Deployment>(ApiResource.Deployments, "default", "fleet-0", CancellationToken.None);
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }

    timings.Sort();
    return
    [
        ($"memory of the sandbox holding {pods:N0} pods (resident set)", $"{rss:0} MB", "< 500 MB"),
        ("GET of a Deployment over loopback HTTPS, median of 1,000", $"{timings[timings.Count / 2]:0.00} ms (p95 {timings[(int)(timings.Count * 0.95)]:0.00} ms)", "< 2 ms"),
    ];
}

static async Task WaitComplete(KubeApiClient client, string name)
{
    var statuses = await RolloutWaiter.WaitAsync(
        client, [new WorkloadReference(WorkloadKind.Deployment, "default", name)], TimeSpan.FromMinutes(5), _ => { }, CancellationToken.None);
    if (statuses[0].State != KubeRollout.Core.Rollouts.RolloutState.Complete)
    {
        throw new InvalidOperationException($"{name} did not complete: {statuses[0].Message}");
    }
}

static V1Deployment Deployment(string name, int replicas, string version) => new()
{
    ApiVersion = "apps/v1",
    Kind = "Deployment",
    Metadata = new V1ObjectMeta { Name = name },
    Spec = new V1DeploymentSpec
    {
        Replicas = replicas,
        // Simulated time runs 100x faster: creating thousands of pods takes longer than the default 600 s deadline.
        ProgressDeadlineSeconds = 86400,
        Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
        Template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = $"bench:{version}" }] },
        },
    },
};

static double ResidentMegabytes(int processId)
{
    var status = File.ReadAllLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return status is null
        ? Process.GetProcessById(processId).WorkingSet64 / 1048576.0
        : double.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

internal sealed class BenchmarkSandbox : IAsyncDisposable
{
    private BenchmarkSandbox(string directory, SandboxInfo info)
    {
        Directory = directory;
        Info = info;
    }

    public string Directory { get; }

    public SandboxInfo Info { get; }

    public static async Task<BenchmarkSandbox> StartAsync(string program, double timeScale, int nodes)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kuberollout-bench-{Guid.NewGuid():N}"[..28]);
        var info = await SandboxLauncher.StartAsync(
            new SandboxStartOptions { Directory = directory, ProgramPath = program, TimeScale = timeScale, Nodes = nodes }, null, CancellationToken.None);
        return new BenchmarkSandbox(directory, info);
    }

    public async ValueTask DisposeAsync()
    {
        await SandboxLauncher.StopAsync(Directory, remove: true, CancellationToken.None);
    }
}
