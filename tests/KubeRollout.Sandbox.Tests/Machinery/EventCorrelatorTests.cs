using k8s.Models;
using KubeRollout.Sandbox.Machinery.Events;

namespace KubeRollout.Sandbox.Tests.Machinery;

public sealed class EventCorrelatorTests
{
    private static readonly DateTime Now = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_identical_event_updates_the_count_of_the_first()
    {
        var correlator = new EventCorrelator();
        var first = correlator.Correlate(Event("BackOff", "Back-off restarting failed container app"), Now);
        correlator.Created(first, "pod.1", "default");

        var second = correlator.Correlate(Event("BackOff", "Back-off restarting failed container app"), Now.AddSeconds(10));

        Assert.Equal(EventCorrelator.DecisionKind.Create, first.Kind);
        Assert.Equal((EventCorrelator.DecisionKind.Update, "pod.1", 2), (second.Kind, second.Name, second.Count));
    }

    [Fact]
    public void Similar_events_are_combined_after_ten_and_a_source_gets_25_events_in_a_burst()
    {
        var correlator = new EventCorrelator();
        var decisions = new List<EventCorrelator.Decision>();
        for (var i = 0; i < 40; i++)
        {
            var decision = correlator.Correlate(Event("SuccessfulCreate", $"Created pod: web-{i}"), Now);
            if (decision.Kind == EventCorrelator.DecisionKind.Create)
            {
                correlator.Created(decision, $"rs.{i}", "default");
            }

            decisions.Add(decision);
        }

        Assert.All(decisions.Take(9), d => Assert.Equal(EventCorrelator.DecisionKind.Create, d.Kind));
        Assert.Equal("(combined from similar events): Created pod: web-9", decisions[9].Message);
        Assert.Equal(EventCorrelator.DecisionKind.Update, decisions[10].Kind);
        Assert.Equal(25, decisions.Count(d => d.Kind != EventCorrelator.DecisionKind.Drop));
        Assert.NotEqual(EventCorrelator.DecisionKind.Drop, correlator.Correlate(Event("SuccessfulCreate", "Created pod: later"), Now.AddMinutes(6)).Kind);
    }

    private static PendingEvent Event(string reason, string message) =>
        new(new V1ObjectReference { Kind = "ReplicaSet", Name = "web", NamespaceProperty = "default", Uid = "u1", ApiVersion = "apps/v1" }, "Normal", reason, message, EventSource.ReplicaSetController, Now);
}
