using KubeRollout.Sandbox.Hosting.Logging;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Tests.Hosting;

/// <summary>The sandbox writes its own log into its folder: there after a crash, and bounded by rotation.</summary>
public sealed class SandboxLogTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-log-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_log_is_in_the_folder_and_readable_after_a_kill()
    {
        var sandbox = await SandboxProcess.StartAsync(_directory);
        var processId = sandbox.ProcessId;
        await sandbox.KillAsync();
        await sandbox.DisposeAsync();

        var log = await File.ReadAllTextAsync(Path.Combine(_directory, RotatingFileLoggerProvider.FileName));
        Assert.Matches($@"\d{{4}}-\d\d-\d\dT[\d:.]+Z info KubeRollout.Sandbox: Serving https://127\.0\.0\.1:\d+/ for {System.Text.RegularExpressions.Regex.Escape(_directory)} \(process {processId}\)", log);
        Assert.DoesNotContain(File.ReadAllText(Path.Combine(_directory, "token")).Trim(), log);
    }

    [Fact]
    public void The_log_rotates_and_keeps_three_old_files_within_the_bound()
    {
        Directory.CreateDirectory(_directory);
        const long bound = 4096;
        using (var provider = new RotatingFileLoggerProvider(_directory, bound))
        {
            var logger = provider.CreateLogger("Test");
            for (var i = 0; i < 2000; i++)
            {
                logger.LogWarning("entry {Number} of a long run", i);
            }
        }

        var files = Directory.GetFiles(_directory).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["sandbox.log", "sandbox.log.1", "sandbox.log.2", "sandbox.log.3"], files);
        Assert.All(files, f => Assert.InRange(new FileInfo(Path.Combine(_directory, f!)).Length, 1, bound));
        Assert.EndsWith("warn Test: entry 1999 of a long run\n", File.ReadAllText(Path.Combine(_directory, "sandbox.log")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
