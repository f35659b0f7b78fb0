using KubeRollout.Sandbox.Security;
using KubeRollout.Sandbox.Tests.Hosting;

namespace KubeRollout.Sandbox.Tests.Security;

/// <summary>
/// The token-bearing files are never readable by others, not even for a moment: created exclusively with mode 0600
/// (a prepared kubeconfig.tmp changes nothing), and the sandbox refuses a folder or a secret file others could read or
/// replace.
/// </summary>
public sealed class SecretFileTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-secrets-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_prepared_folder_with_a_world_writable_kubeconfig_tmp_still_gets_owner_only_secret_files()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // modes are Unix's; Windows files take the folder's ACL
        }

        Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var prepared = Path.Combine(_directory, "kubeconfig.tmp");
        await File.WriteAllTextAsync(prepared, "prepared by someone else");
        File.SetUnixFileMode(prepared, (UnixFileMode)0b110_110_110);

        await using (var sandbox = await SandboxProcess.StartAsync(_directory))
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(_directory, "kubeconfig")));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(_directory, "token")));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(_directory, "pki", "ca.key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_directory, "state")));
            foreach (var stateFile in Directory.GetFiles(Path.Combine(_directory, "state")))
            {
                Assert.Equal(OwnerOnly, File.GetUnixFileMode(stateFile));
            }

            Assert.Equal("prepared by someone else", await File.ReadAllTextAsync(prepared)); // never written through
            Assert.DoesNotContain(Directory.GetFiles(_directory), f => Path.GetFileName(f).StartsWith(".kubeconfig.", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("kubeconfig")]
    [InlineData("token")]
    public async Task A_secret_file_others_can_read_is_refused(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await (await SandboxProcess.StartAsync(_directory)).StopAsync();
        File.SetUnixFileMode(Path.Combine(_directory, file), (UnixFileMode)0b110_110_110);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxProcess.StartAsync(_directory));

        Assert.Contains($"{file}' has mode 0666 instead of 0600", error.Message);
    }

    [Fact]
    public async Task A_folder_anyone_may_write_to_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        File.SetUnixFileMode(_directory, (UnixFileMode)0b111_111_111);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxProcess.StartAsync(_directory));

        Assert.Contains("any user may replace its files (mode 0777)", error.Message);
        Assert.False(File.Exists(Path.Combine(_directory, "kubeconfig")));
    }

    [Fact]
    public void A_secret_file_of_another_user_a_link_or_a_wider_mode_is_a_problem_and_ours_with_0600_is_not()
    {
        Assert.Null(SecretFile.Problem("kubeconfig", owner: 1000, currentUser: 1000, OwnerOnly, isLink: false));
        Assert.Equal("'kubeconfig' belongs to another user (uid 65534)", SecretFile.Problem("kubeconfig", 65534, 1000, OwnerOnly, isLink: false));
        Assert.Equal("'kubeconfig' has mode 0644 instead of 0600", SecretFile.Problem("kubeconfig", 1000, 1000, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead, isLink: false));
        Assert.Equal("'kubeconfig' is a symbolic link", SecretFile.Problem("kubeconfig", 1000, 1000, OwnerOnly, isLink: true));
    }

    [Fact]
    public void The_owner_of_a_file_the_process_created_is_the_process_user()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "mine");
        File.WriteAllText(path, "x");

        Assert.NotNull(FileOwnership.CurrentUser);
        Assert.Equal(FileOwnership.CurrentUser, FileOwnership.OwnerOf(path));
        Assert.Null(FileOwnership.OwnerOf(Path.Combine(_directory, "missing")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
