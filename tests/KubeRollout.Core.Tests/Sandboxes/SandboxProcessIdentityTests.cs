using KubeRollout.Core.Sandboxes;

namespace KubeRollout.Core.Tests.Sandboxes;

/// <summary>A sandbox is its process id plus its start, its program and its folder lock: an id alone is no sandbox.</summary>
public sealed class SandboxProcessIdentityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kuberollout-identity-" + Guid.NewGuid().ToString("N"));

    public SandboxProcessIdentityTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void The_state_and_start_of_a_stat_line_are_read_past_a_command_name_with_spaces_and_parentheses()
    {
        var stat = "4242 (dot net) (x)) Z 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 12 0 987654 123456 789 18446744073709551615";

        Assert.Equal(('Z', "987654"), SandboxProcessIdentity.ParseStat(stat));
        Assert.Null(SandboxProcessIdentity.ParseStat("garbage"));
    }

    [Fact]
    public void A_live_process_with_the_lock_held_is_the_sandbox_only_with_its_own_start_and_program()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the exact form (clock ticks, command line) is Linux's
        }

        using var held = new FileStream(Path.Combine(_directory, "sandbox.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        var self = Environment.ProcessId;
        var start = "ticks:" + SandboxProcessIdentity.ParseStat(File.ReadAllText("/proc/self/stat"))!.Value.StartTicks;
        var program = File.ReadAllText("/proc/self/cmdline").Split('\0')[0];

        Assert.True(SandboxProcessIdentity.IsSandbox(_directory, self, start, program));
        Assert.False(SandboxProcessIdentity.IsSandbox(_directory, self, "ticks:1", program), "another start: the id was reused");
        Assert.False(SandboxProcessIdentity.IsSandbox(_directory, self, start, "/usr/bin/something-else"), "another program");
        Assert.False(SandboxProcessIdentity.IsSandbox(_directory, self, null, null), "a state file that names no start");
    }

    [Fact]
    public void Without_the_lock_held_no_process_is_the_sandbox()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        File.WriteAllText(Path.Combine(_directory, "sandbox.lock"), string.Empty);
        var start = "ticks:" + SandboxProcessIdentity.ParseStat(File.ReadAllText("/proc/self/stat"))!.Value.StartTicks;
        var program = File.ReadAllText("/proc/self/cmdline").Split('\0')[0];

        Assert.False(SandboxProcessIdentity.IsSandbox(_directory, Environment.ProcessId, start, program));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
