using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Storage.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeRollout.Sandbox.Tests.Storage;

/// <summary>
/// The journal and its snapshots: every commit comes back after a restart, whatever number of snapshots replaced
/// the journal meanwhile (while writes went on), deletions stay deleted, and a line cut short by a crash is ignored.
/// </summary>
public sealed class StateJournalTests : IDisposable
{
    private static readonly ResourceType ConfigMaps = ResourceOf<V1ConfigMap>.Type;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-journal-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Commits_survive_a_restart_across_many_snapshots_written_while_writes_go_on()
    {
        var store = new ClusterStore();
        var journal = Open(store, compactAfterBytes: 8 * 1024);
        for (var i = 0; i < 600; i++)
        {
            store.Insert(ConfigMaps, ConfigMap($"cm-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (i % 3 == 0 && i > 0)
            {
                store.Remove(ConfigMaps, store.Get(ConfigMaps, "default", $"cm-{i - 1}")!);
            }
        }

        var version = store.ResourceVersion;
        var expected = store.List(ConfigMaps, "default", null, out _).Select(o => o.Metadata.Name).ToHashSet();
        await journal.WaitUntilWrittenAsync(version, CancellationToken.None);
        await journal.DisposeAsync();
        Assert.True(File.Exists(Path.Combine(_directory, "state", "snapshot.jsonl")), "no snapshot was written");
        Assert.True(Directory.GetFiles(Path.Combine(_directory, "state"), "journal-*").Length <= 2, "old journals were kept");

        var restored = new ClusterStore();
        await using var again = Open(restored);
        var names = restored.List(ConfigMaps, "default", null, out var restoredVersion).Select(o => o.Metadata.Name).ToHashSet();
        Assert.Equal(401, expected.Count); // 600 created, 199 deleted
        Assert.Equal(expected, names);
        Assert.DoesNotContain("cm-2", names);
        Assert.Contains("cm-599", names);
        Assert.Equal("599", ((V1ConfigMap)restored.Get(ConfigMaps, "default", "cm-599")!).Data["i"]);
        Assert.Equal(version + StateJournal.RestartGap, restoredVersion);
    }

    [Fact]
    public async Task A_line_cut_short_by_a_crash_is_ignored_and_what_came_before_is_kept()
    {
        var store = new ClusterStore();
        var journal = Open(store);
        store.Insert(ConfigMaps, ConfigMap("kept", "1"));
        await journal.WaitUntilWrittenAsync(store.ResourceVersion, CancellationToken.None);
        await journal.DisposeAsync();
        var file = Directory.GetFiles(Path.Combine(_directory, "state"), "journal-*").Single();
        await File.AppendAllTextAsync(file, "{\"rv\":99,\"t\":\"2026-01-01T00:00:00Z\",\"r\":\"configmaps\",\"ns\":\"default\",\"n\":\"torn\",\"o\":{\"apiVers");

        var restored = new ClusterStore();
        await using var again = Open(restored);

        Assert.NotNull(restored.Get(ConfigMaps, "default", "kept"));
        Assert.Null(restored.Get(ConfigMaps, "default", "torn"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private StateJournal Open(ClusterStore store, long compactAfterBytes = 64 * 1024 * 1024) =>
        StateJournal.Open<TimeProvider>(_directory, fresh: false, store, ResourceRegistry.Resources.ToList(), _ => TimeProvider.System, out _, NullLogger.Instance, compactAfterBytes);

    private static V1ConfigMap ConfigMap(string name, string value) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Uid = Guid.NewGuid().ToString() },
        Data = new Dictionary<string, string> { ["i"] = value },
    };
}
