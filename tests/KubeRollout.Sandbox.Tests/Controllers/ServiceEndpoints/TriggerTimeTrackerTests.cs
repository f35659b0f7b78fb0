using k8s.Models;
using KubeRollout.Sandbox.Controllers.ServiceEndpoints;

namespace KubeRollout.Sandbox.Tests.Controllers.ServiceEndpoints;

public sealed class TriggerTimeTrackerTests
{
    private static readonly DateTime Created = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_service_triggers_at_its_creation_then_only_changed_pods_trigger_and_the_earliest_wins()
    {
        var tracker = new TriggerTimeTracker();
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", CreationTimestamp = Created } };
        var a = Pod("a", Created.AddSeconds(5));
        var b = Pod("b", Created.AddSeconds(6));

        Assert.Equal(Created, tracker.Compute(service, [a, b]));
        Assert.Null(tracker.Compute(service, [a, b]));
        Assert.Equal(Created.AddSeconds(20), tracker.Compute(service, [a, Pod("b", Created.AddSeconds(30)), Pod("c", Created.AddSeconds(20))]));

        tracker.Forget(new KubeRollout.Sandbox.Machinery.Queues.ObjectKey("default", "web"));
        Assert.Equal(Created, tracker.Compute(service, [a]));
    }

    [Theory]
    [InlineData(0, "2026-01-01T10:00:00Z")]
    [InlineData(1_500_000, "2026-01-01T10:00:00.15Z")]
    public void Times_are_written_as_rfc3339_with_nanoseconds_trimmed(long ticks, string expected)
    {
        Assert.Equal(expected, TriggerTimeTracker.Format(Created.AddTicks(ticks)));
    }

    private static V1Pod Pod(string name, DateTime readySince) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Status = new V1PodStatus { Conditions = [new V1PodCondition { Type = "Ready", Status = "True", LastTransitionTime = readySince }] },
    };
}
