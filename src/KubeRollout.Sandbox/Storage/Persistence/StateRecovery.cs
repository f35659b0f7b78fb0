using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Storage.Persistence;

/// <summary>
/// Reads what a previous run left: the snapshot, then every journal entry after it in order, the last entry of each
/// object winning. A line a crash cut short ends its file (nothing after it was ever acknowledged).
/// </summary>
internal static class StateRecovery
{
    public static RecoveredState Read(StateFiles files, IReadOnlyCollection<ResourceType> resources, ILogger logger)
    {
        var byName = resources.ToDictionary(r => r.QualifiedName, StringComparer.Ordinal);
        var latest = new Dictionary<(string Resource, string? Namespace, string Name), string>();
        long newest = 0;
        DateTime? time = null;

        void Apply(JournalEntry entry)
        {
            newest = Math.Max(newest, entry.ResourceVersion);
            time = time is null || entry.Time > time ? entry.Time : time;
            var key = (entry.Resource, entry.Namespace, entry.Name);
            if (entry.ObjectJson is { } json)
            {
                latest[key] = json;
            }
            else
            {
                latest.Remove(key);
            }
        }

        var snapshotVersion = 0L;
        if (File.Exists(files.Snapshot))
        {
            foreach (var entry in Entries(files.Snapshot, logger))
            {
                snapshotVersion = Math.Max(snapshotVersion, entry.ResourceVersion);
                Apply(entry);
            }
        }

        foreach (var journal in files.Journals())
        {
            foreach (var entry in Entries(journal, logger).Where(e => e.ResourceVersion > snapshotVersion))
            {
                Apply(entry);
            }
        }

        var objects = new List<(ResourceType, IKubernetesObject<V1ObjectMeta>)>(latest.Count);
        foreach (var ((resourceName, _, name), json) in latest)
        {
            if (!byName.TryGetValue(resourceName, out var resource))
            {
                logger.LogWarning("Skipping stored {Resource} {Name}: the sandbox no longer serves that resource.", resourceName, name);
                continue;
            }

            objects.Add((resource, (IKubernetesObject<V1ObjectMeta>)ModelJson.Deserialize(json, resource.ModelType)));
        }

        return newest == 0 ? RecoveredState.Empty : new RecoveredState(objects, newest, time);
    }

    private static IEnumerable<JournalEntry> Entries(string path, ILogger logger)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (JournalEntry.Decode(System.Text.Encoding.UTF8.GetBytes(line)) is { } entry)
            {
                yield return entry;
                continue;
            }

            logger.LogWarning("{File} ends with an incomplete entry at line {Line} (cut short by a crash); it was never acknowledged.", Path.GetFileName(path), number);
            yield break;
        }
    }
}
