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
if (args.Length > 0 && args[0] == PodWatchers.ChildArgument)
{
    return await PodWatchers.RunChildAsync(args[1..]);
}

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: KubeRollout.Benchmarks <kuberollout-sandbox.dll>");
    return 2;
}

var figures = new List<(string Name, string Value, string Target)>();
figures.AddRange(await RolloutsOf1000Replicas(args[0]));
foreach (var (name, value, _) in figures)
{
    Console.WriteLine($"{name}: {value}");
}

figures.AddRange(await TenThousandPods(args[0]));

Console.WriteLine();
Console.WriteLine("| benchmark | measured | target |");
Console.WriteLine("|---|---|---|");
foreach (var (name, value, target) in figures)
{
    Console.WriteLine($"| {name} | {value} | {target} |");
}

return 0;

// Rollouts of a running 1,000-replica Deployment (template changes, 25% surge, 25% unavailable), alternately alone
// and with 100 watchers of pods reading every event, so that the machine's load falls on both alike.
static async Task<IEnumerable<(string, string, string)>> RolloutsOf1000Replicas(string program)
{
    const int Rounds = 3;
    const int Watchers = 100;
    await using var sandbox = await BenchmarkSandbox.StartAsync(program, timeScale: 100, nodes: 10);
    using var client = KubeApiClient.Connect(new ConnectionOptions(sandbox.Info.KubeConfig));
    await client.CreateAsync(ApiResource.Deployments, "default", Deployment("big", 1000, "v1"), dryRun: false, CancellationToken.None);
    await WaitComplete(client, "big");
    await RollOut(client, sandbox.Info.ProcessId, "big", "warm-up"); // the first rollout also pays for compiling the sandbox's code

    var alone = new List<Rollout>();
    var watched = new List<Rollout>();
    long fewestEventsSeen = long.MaxValue;
    var delivered = new List<(long Events, long Bytes)>();
    for (var round = 0; round < Rounds; round++)
    {
        alone.Add(await RollOut(client, sandbox.Info.ProcessId, "big", $"v{(2 * round) + 2}"));

        var version = (await client.ListAsync<V1Pod>(ApiResource.Pods, "default", CancellationToken.None, labelSelector: "app=none")).ResourceVersion;
        var watchers = await PodWatchers.OpenAsync(sandbox.Info.KubeConfig, "default", version, Watchers);
        watched.Add(await RollOut(client, sandbox.Info.ProcessId, "big", $"v{(2 * round) + 3}"));
        await watchers.WaitUntilSettledAsync(); // every watcher has read the rollout's events
        await watchers.DisposeAsync();
        fewestEventsSeen = Math.Min(fewestEventsSeen, watchers.FewestSeen);
        delivered.Add((watchers.Seen, watchers.BytesSeen));
    }

    if (fewestEventsSeen < 2000)
    {
        throw new InvalidOperationException($"A pod watcher saw only {fewestEventsSeen} events of a 1,000-pod rollout.");
    }

    var aloneSeconds = Median(alone.Select(r => r.Seconds));
    var watchedSeconds = Median(watched.Select(r => r.Seconds));
    var extraCpuSeconds = Median(watched.Select(r => r.CpuSeconds)) - Median(alone.Select(r => r.CpuSeconds));
    var (events, bytes) = (Median(delivered.Select(d => (double)d.Events)), Median(delivered.Select(d => (double)d.Bytes)));
    return
    [
        ("1,000-replica Deployment rolls out completely after a template change (time scale 100, 25%/25%), median of 3",
            $"{aloneSeconds:0.00} s ({Spread(alone.Select(r => r.Seconds))} s; sandbox CPU {Median(alone.Select(r => r.CpuSeconds)):0.00} s)", "≤ 1.5 s"),
        ($"the same rollout while {Watchers} watchers of pods (a process of their own at the lowest priority) read every event ({fewestEventsSeen:N0}+ each, {bytes / 1e9:0.0} GB in all), median of 3",
            $"{watchedSeconds:0.00} s, {(watchedSeconds / aloneSeconds) - 1:+0%;-0%} ({Spread(watched.Select(r => r.Seconds))} s; sandbox CPU {Median(watched.Select(r => r.CpuSeconds)):0.00} s, {extraCpuSeconds * 1e6 / events:0.0} µs more per event delivered)", "≤ +20%"),
    ];
}

static async Task<Rollout> RollOut(KubeApiClient client, int sandboxProcessId, string name, string version)
{
    await WaitUntilIdle(sandboxProcessId);
    var cpu = ProcessorSeconds(sandboxProcessId);
    var watch = Stopwatch.StartNew();
    await client.PatchAsync<V1Deployment>(ApiResource.Deployments, "default", name,
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"bench:" + version + "\"}]}}}}", PatchKind.StrategicMerge, false, CancellationToken.None);
    await WaitComplete(client, name);
    return new Rollout(watch.Elapsed.TotalSeconds, ProcessorSeconds(sandboxProcessId) - cpu);
}

static async Task<IEnumerable<(string, string, string)>> TenThousandPods(string program)
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
    await Task.Delay(2000);
    var rssAfterBurst = ResidentMegabytes(sandbox.Info.ProcessId);
    await WaitUntilIdle(sandbox.Info.ProcessId);
    await Task.Delay(6000); // the sandbox gives back what the burst took once it has been quiet for a while
    var rss = ResidentMegabytes(sandbox.Info.ProcessId);

    var timings = new List<double>();
    for (var i = 0; i < 1000; i++)
    {
        var watch = Stopwatch.StartNew();
        await client.GetAsync<V1Deployment>(ApiResource.Deployments, "default", "fleet-0", CancellationToken.None);
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }

    timings.Sort();

    // One Deployment's pods among all: what `kubectl get pods -l app=…` asks. The body is read, not decoded.
    using var raw = new RawApi(sandbox.Info.KubeConfig);
    var listTimings = new List<double>();
    long listBytes = 0;
    for (var i = 0; i < 20; i++)
    {
        var watch = Stopwatch.StartNew();
        listBytes = await raw.GetAsync("/api/v1/namespaces/default/pods?labelSelector=app%3Dfleet-3", CancellationToken.None);
        listTimings.Add(watch.Elapsed.TotalMilliseconds);
    }

    return
    [
        ($"memory of the sandbox holding {pods:N0} running pods (resident set once quiet; 2 s after the last rollout)", $"{rss:0} MB ({rssAfterBurst:0} MB)", "≤ 350 MB"),
        ("GET of a Deployment over loopback HTTPS, median of 1,000", $"{timings[timings.Count / 2]:0.00} ms (p95 {timings[(int)(timings.Count * 0.95)]:0.00} ms)", "< 2 ms"),
        ($"LIST of pods with a label selector (1,000 of {pods:N0}, {listBytes / 1048576.0:0.0} MB of JSON), median of 20",
            $"{Median(listTimings):0.0} ms ({Spread(listTimings)} ms)", "≤ 50 ms"),
    ];
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Spread(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    var format = sorted[^1] < 10 ? "0.00" : "0.0";
    return $"{sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)}";
}

// A Deployment is complete before the sandbox has recorded its last Events and terminated its old pods: the next
// measurement starts once that work is done, so that it measures one rollout and not the tail of the one before.
static async Task WaitUntilIdle(int processId)
{
    var quietSamples = 0;
    var deadline = Stopwatch.StartNew();
    var before = ProcessorSeconds(processId);
    while (quietSamples < 2 && deadline.Elapsed < TimeSpan.FromSeconds(30))
    {
        await Task.Delay(250);
        var now = ProcessorSeconds(processId);
        quietSamples = now - before < 0.025 ? quietSamples + 1 : 0;
        before = now;
    }
}

static double ProcessorSeconds(int processId)
{
    using var process = Process.GetProcessById(processId);
    return process.TotalProcessorTime.TotalSeconds;
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

internal sealed record Rollout(double Seconds, double CpuSeconds);

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
