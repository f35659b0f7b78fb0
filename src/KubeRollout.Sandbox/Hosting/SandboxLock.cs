namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// The lock a running sandbox holds on <c>DIR/sandbox.lock</c> for as long as it lives: a second sandbox is refused
/// the folder (it would share the state), and the operating system releases the lock when the process ends, however
/// it ends, so that Get-KubeSandbox can tell a live sandbox from a dead one's leftovers.
/// </summary>
internal sealed class SandboxLock : IDisposable
{
    public const string FileName = "sandbox.lock";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly FileStream _held;

    private SandboxLock(FileStream held) => _held = held;

    /// <summary>Takes the folder's lock; <see cref="IOException"/> when another sandbox holds it.</summary>
    public static SandboxLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock (flock on Unix): held until the handle is closed or the process ends.
                return new SandboxLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100); // someone looking (Get-KubeSandbox probes the lock for a moment) or a sandbox still ending
            }
            catch (IOException e)
            {
                throw new IOException($"Another sandbox is running in '{directory}' (it holds {FileName}).", e);
            }
        }
    }

    public void Dispose() => _held.Dispose();
}
