using System.Net;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Tests.Cluster;

public class ConflictRetryTests
{
    private static KubeApiException Conflict() => new(HttpStatusCode.Conflict, "Conflict", "the object has been modified", null);

    [Fact]
    public async Task Retries_a_stale_write_with_a_fresh_attempt_until_it_succeeds()
    {
        var reads = 0;

        var result = await ConflictRetry.RunAsync(_ =>
        {
            reads++;
            return reads < 3 ? throw Conflict() : Task.FromResult($"written after {reads} reads");
        }, CancellationToken.None);

        Assert.Equal("written after 3 reads", result);
    }

    [Fact]
    public async Task Does_not_retry_an_object_that_already_exists()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<KubeApiException>(() => ConflictRetry.RunAsync<string>(_ =>
        {
            attempts++;
            throw new KubeApiException(HttpStatusCode.Conflict, "AlreadyExists", "exists", null);
        }, CancellationToken.None));

        Assert.Equal(("AlreadyExists", 1), (error.Reason, attempts));
    }

    [Fact]
    public async Task Gives_up_after_a_bounded_number_of_conflicts()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<KubeApiException>(() => ConflictRetry.RunAsync<string>(_ =>
        {
            attempts++;
            throw Conflict();
        }, CancellationToken.None));

        Assert.Equal(ConflictRetry.MaxAttempts, attempts);
    }
}
