using System.Globalization;

namespace KubeRollout.Sandbox.Storage.Persistence;

/// <summary>
/// Where a sandbox keeps its cluster state: <c>DIR/state/</c> holds <c>snapshot.jsonl</c> (every object as of one
/// resourceVersion) and <c>journal-&lt;rv&gt;.jsonl</c> files (every commit after it, the file named after its first).
/// </summary>
internal sealed class StateFiles(string sandboxDirectory)
{
    public const string FolderName = "state";

    private const string JournalPrefix = "journal-";
    private const string Extension = ".jsonl";

    public string Folder { get; } = Path.Combine(sandboxDirectory, FolderName);

    public string Snapshot => Path.Combine(Folder, "snapshot" + Extension);

    public string SnapshotInProgress => Snapshot + ".tmp";

    public string Journal(long firstResourceVersion) =>
        Path.Combine(Folder, JournalPrefix + firstResourceVersion.ToString("D19", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The journal files, oldest first.</summary>
    public IReadOnlyList<string> Journals() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, JournalPrefix + "*" + Extension).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The folder, readable by its owner only: it holds every object, Secrets too.</summary>
    public void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>A state file for writing, readable by its owner only.</summary>
    public static FileStream Create(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>Forgets every object: the next start is an empty cluster.</summary>
    public void Erase()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
