using KubeRollout.Sandbox.Hosting;

namespace KubeRollout.Sandbox.Tests.Hosting;

public sealed class IdleMemoryTrimmerTests
{
    private const long MB = 1024 * 1024;

    [Theory]
    [InlineData(4, 160, 2000, true)] // quiet after a 10,000-pod burst, 160 MB committed beyond the heap
    [InlineData(100, 160, 2000, false)] // still busy
    [InlineData(4, 40, 2000, false)] // little to give back
    [InlineData(4, 160, 100, false)] // no burst since the last trim: a quiet sandbox is not collected again and again
    public void Trims_once_a_burst_is_over_and_much_memory_is_unused(long allocatedInInterval, long slack, long allocatedSinceTrim, bool trims) =>
        Assert.Equal(trims, IdleMemoryTrimmer.ShouldTrim(allocatedInInterval * MB, slack * MB, allocatedSinceTrim * MB));
}
