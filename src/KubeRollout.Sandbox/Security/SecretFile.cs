using System.Security.Cryptography;
using System.Text;

namespace KubeRollout.Sandbox.Security;

/// <summary>
/// Files that hold secrets (the kubeconfig with the token, the token, the CA key): readable by their owner only from
/// the moment they exist. A new file is created exclusively under a name nobody can have prepared (O_CREAT|O_EXCL,
/// mode 0600), checked, and then renamed over the old one; a secret file that exists is used only when it is a
/// regular file of the sandbox's user with mode 0600, and the folder only when no other user can write to it.
/// On Windows, where there are no modes, the files get the folder's ACL.
/// </summary>
internal static class SecretFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, string contents)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        RequirePrivateFolder(folder);
        if (File.Exists(path) || Directory.Exists(path))
        {
            RequireOwnerOnly(path);
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(stream.SafeFileHandle) != OwnerOnly)
                {
                    throw new UnauthorizedAccessException($"'{temporary}' was created with mode {Octal(File.GetUnixFileMode(stream.SafeFileHandle))} instead of 0600.");
                }

                stream.Write(Encoding.UTF8.GetBytes(contents));
                stream.Flush(flushToDisk: true);
            }

            RequireOwnerOnly(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The contents of an existing secret file, after checking that only its owner, the sandbox's user, can read it.</summary>
    public static string Read(string path)
    {
        RequirePrivateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        RequireOwnerOnly(path);
        return File.ReadAllText(path);
    }

    /// <summary>Creates the folder readable by its owner only, or checks an existing one: ours, and no one else may write to it.</summary>
    public static void RequirePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }

        var owner = FileOwnership.OwnerOf(folder);
        if (owner is not null && owner != FileOwnership.CurrentUser)
        {
            throw new UnauthorizedAccessException($"Refusing to keep secrets in '{folder}': it belongs to another user (uid {owner}).");
        }

        var mode = File.GetUnixFileMode(folder);
        if (mode.HasFlag(UnixFileMode.OtherWrite) && !mode.HasFlag(UnixFileMode.StickyBit))
        {
            throw new UnauthorizedAccessException($"Refusing to keep secrets in '{folder}': any user may replace its files (mode {Octal(mode)}).");
        }
    }

    /// <summary>A problem with an existing secret file, or null when it is a regular file of ours with mode 0600.</summary>
    internal static string? Problem(string path, uint? owner, uint? currentUser, UnixFileMode mode, bool isLink) =>
        isLink ? $"'{path}' is a symbolic link"
        : owner is not null && owner != currentUser ? $"'{path}' belongs to another user (uid {owner})"
        : mode != OwnerOnly ? $"'{path}' has mode {Octal(mode)} instead of 0600"
        : null;

    private static void RequireOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var info = new FileInfo(path);
        var problem = Problem(path, FileOwnership.OwnerOf(path), FileOwnership.CurrentUser, File.GetUnixFileMode(path), info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.Directory));
        if (problem is not null)
        {
            throw new UnauthorizedAccessException($"Refusing to use a secret file others could read or replace: {problem}.");
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0xFFF, 8);
}
