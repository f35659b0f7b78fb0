using KubeRollout.Sandbox.Machinery.Queues;
using KubeRollout.Sandbox.Machinery.Time;

namespace KubeRollout.Sandbox.Tests.Machinery;

public sealed class WorkQueueTests
{
    [Fact]
    public void A_key_added_twice_is_taken_once_and_a_key_added_while_processed_comes_back_after_done()
    {
        var queue = new WorkQueue<string>(new SimulatedTimers(new SimulatedClock(1)));
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");

        var first = queue.Take(CancellationToken.None);
        queue.Add(first);
        var second = queue.Take(CancellationToken.None);
        using var nothingElse = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.Equal(("a", "b"), (first, second));
        Assert.Throws<OperationCanceledException>(() => queue.Take(nothingElse.Token));
        queue.Done(first);
        Assert.Equal("a", queue.Take(CancellationToken.None));
    }

    [Fact]
    public async Task A_delayed_add_arrives_after_the_simulated_delay()
    {
        var clock = new SimulatedClock(1000);
        var timers = new SimulatedTimers(clock);
        using var stop = new CancellationTokenSource();
        var running = timers.RunAsync(stop.Token);
        var queue = new WorkQueue<string>(timers);
        var start = clock.UtcNow;

        queue.AddAfter("later", TimeSpan.FromSeconds(30));
        queue.AddAfter("later", TimeSpan.FromSeconds(60));
        var key = await Task.Run(() => queue.Take(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token));

        Assert.Equal("later", key);
        Assert.True(clock.UtcNow - start >= TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;
    }
}
