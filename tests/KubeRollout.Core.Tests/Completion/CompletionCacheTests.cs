using KubeRollout.Core.Completion;

namespace KubeRollout.Core.Tests.Completion;

public class CompletionCacheTests
{
    [Fact]
    public void Looks_up_once_per_key_while_the_result_is_fresh_and_again_after()
    {
        var now = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        var cache = new CompletionCache(() => now);
        var calls = 0;
        IReadOnlyList<string> Lookup() => [$"call{++calls}"];

        Assert.Equal(["call1"], cache.GetOrAdd("ctx|ns|deployments", Lookup));
        now += CompletionCache.ResultLifetime - TimeSpan.FromSeconds(1);
        Assert.Equal(["call1"], cache.GetOrAdd("ctx|ns|deployments", Lookup));
        Assert.Equal(["call2"], cache.GetOrAdd("ctx|other|deployments", Lookup));
        now += TimeSpan.FromSeconds(2);
        Assert.Equal(["call3"], cache.GetOrAdd("ctx|ns|deployments", Lookup));
    }

    [Fact]
    public void Keeps_a_failed_look_up_for_a_shorter_while_so_that_a_hung_cluster_costs_one_timeout()
    {
        var now = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        var cache = new CompletionCache(() => now);
        var calls = 0;
        IReadOnlyList<string>? Failing() { calls++; return null; }

        Assert.Empty(cache.GetOrAdd<string>("hung", Failing));
        Assert.Empty(cache.GetOrAdd<string>("hung", Failing));
        Assert.Equal(1, calls);
        now += CompletionCache.FailureLifetime + TimeSpan.FromSeconds(1);
        Assert.Empty(cache.GetOrAdd<string>("hung", Failing));
        Assert.Equal(2, calls);
    }
}
