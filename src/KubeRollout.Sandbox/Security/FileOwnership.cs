using System.Runtime.InteropServices;

namespace KubeRollout.Sandbox.Security;

/// <summary>
/// Who owns a file, and who the sandbox runs as (Unix user ids). .NET reports a file's mode but not its owner, so
/// this asks the C library: statx on Linux (one layout on every architecture), stat on macOS. Elsewhere (Windows)
/// owners are ACLs, and null is returned.
/// </summary>
internal static partial class FileOwnership
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUid = 0x8;
    private const int StatxUidOffset = 20;
    private const int MacStatUidOffset = 16;

    /// <summary>The effective user id of this process (null where there is none).</summary>
    public static uint? CurrentUser => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? geteuid() : null;

    /// <summary>The user id owning <paramref name="path"/> itself (a symbolic link is not followed), or null when unknown.</summary>
    public static unsafe uint? OwnerOf(string path)
    {
        var buffer = stackalloc byte[512];
        if (OperatingSystem.IsLinux())
        {
            return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxUid, buffer) == 0 ? *(uint*)(buffer + StatxUidOffset) : null;
        }

        if (OperatingSystem.IsMacOS())
        {
            var result = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? lstat_inode64(path, buffer) : lstat(path, buffer);
            return result == 0 ? *(uint*)(buffer + MacStatUidOffset) : null;
        }

        return null;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial uint geteuid();

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int statx(int directoryFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int lstat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "lstat$INODE64", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int lstat_inode64(string path, byte* buffer);
}
