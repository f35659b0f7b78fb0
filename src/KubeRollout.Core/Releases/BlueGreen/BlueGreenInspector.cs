using KubeRollout.Core.Cluster;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>Reads a Service's blue-green state and switch history (Get-KubeBlueGreen).</summary>
public static class BlueGreenInspector
{
    public static async Task<BlueGreenStatus> GetStatusAsync(KubeApiClient client, string @namespace, string service, CancellationToken cancellationToken)
    {
        var state = await BlueGreenStateReader.ReadAsync(client, @namespace, service, cancellationToken).ConfigureAwait(false);
        BlueGreenPolicy.RequireSelector(state);
        IReadOnlyList<BlueGreenSwitchRecord> history;
        try
        {
            history = BlueGreenPolicy.History(state.Service);
        }
        catch (Errors.KubeRolloutException)
        {
            history = []; // an unreadable history hides no side: the labels still show them
        }

        return Describe(state, history);
    }

    public static async Task<IReadOnlyList<BlueGreenSwitchRecord>> GetHistoryAsync(KubeApiClient client, string @namespace, string service, CancellationToken cancellationToken)
    {
        var found = await client.FindAsync<k8s.Models.V1Service>(ApiResource.Services, @namespace, service, cancellationToken).ConfigureAwait(false)
            ?? throw BlueGreenErrors.ServiceNotFound(@namespace, service);
        return BlueGreenPolicy.History(found);
    }

    /// <summary>The status of a state already read (pure).</summary>
    public static BlueGreenStatus Describe(BlueGreenState state, IReadOnlyList<BlueGreenSwitchRecord> history)
    {
        var (active, standby) = BlueGreenSides.Of(state, history);
        var activeSides = active.Select(d => state.SideOf(d, BlueGreenRole.Active)).ToList();
        var standbySides = standby.Select(d => state.SideOf(d, BlueGreenRole.Standby)).ToList();
        return new BlueGreenStatus
        {
            Namespace = state.Namespace,
            Service = state.ServiceName,
            Selector = ServiceSelectors.Format(state.Selector),
            Active = activeSides.Count == 1 ? activeSides[0] : null,
            Standby = standbySides.Count == 1 ? standbySides[0] : null,
            Sides = [.. activeSides, .. standbySides],
            Endpoints = state.Endpoints,
            EndpointPods = state.Endpoints.Where(e => e.Ready && e.Pod is not null).Select(e => e.Pod!).ToList(),
            LastSwitch = history.LastOrDefault(),
            Message = Message(activeSides, standbySides, state.Endpoints.Count(e => e.Ready)),
        };
    }

    private static string Message(List<BlueGreenSide> active, List<BlueGreenSide> standby, int readyEndpoints)
    {
        var traffic = active.Count switch
        {
            0 => readyEndpoints == 0 ? "no Deployment receives traffic (the selector matches no Deployment's ready pods)" : "the endpoints are pods of no Deployment",
            1 => $"{active[0].Name} receives the traffic ({active[0].Endpoints} ready endpoint{(active[0].Endpoints == 1 ? string.Empty : "s")})",
            _ => $"{string.Join(" and ", active.Select(s => s.Name))} all receive traffic: the selector matches the pods of each",
        };
        var next = standby.Count switch
        {
            0 => "no standby side found",
            1 => standby[0].State == Rollouts.RolloutState.Complete && standby[0].AvailableReplicas == standby[0].Replicas && standby[0].Replicas > 0
                ? $"{standby[0].Name} is ready to take it"
                : $"{standby[0].Name} is not ready to take it ({standby[0].Message})",
            _ => $"standby sides: {string.Join(", ", standby.Select(s => s.Name))}",
        };
        return $"{traffic}; {next}";
    }
}
