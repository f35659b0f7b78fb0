using System.Globalization;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Strategies;

namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>
/// Simulates the Deployment controller's rollout arithmetic, sync by sync. Rolling update: each sync first scales
/// the new ReplicaSet up by min(replicas + maxSurge − all replicas, replicas − new); if that changed nothing it
/// scales old ReplicaSets down (unavailable old pods first) by what the availability budget allows
/// (available − (replicas − maxUnavailable), and only while all replicas − minAvailable − unavailable new pods
/// is positive). When no sync can change anything, the pods that started become available (one "tick": all of
/// them at once). Recreate: all old pods go, then the new ReplicaSet scales up.
/// </summary>
public static class RolloutPlanner
{
    /// <summary>The most replicas a plan covers: far above what one cluster runs (Kubernetes supports 150,000 pods).</summary>
    public const int MaxReplicas = 1_000_000;

    /// <summary>The most steps a plan lists (one pod at a time through a large Deployment would be millions).</summary>
    public const int MaxSteps = 10_000;

    public static RolloutPlan Plan(RolloutPlanRequest request)
    {
        if (request.Replicas < 0)
        {
            throw new KubeRolloutException("PlanInvalid", FailureKind.InvalidArgument, $"Replicas must not be negative: {request.Replicas}.", request.Replicas);
        }

        if (request.Replicas > MaxReplicas)
        {
            throw new KubeRolloutException(
                "PlanTooLarge", FailureKind.LimitsExceeded,
                $"A plan covers at most {MaxReplicas.ToString("N0", CultureInfo.InvariantCulture)} replicas (a cluster runs at most 150,000 pods); {request.Replicas.ToString("N0", CultureInfo.InvariantCulture)} were asked for.",
                request.Replicas);
        }

        if (request.Strategy is not (StrategyType.RollingUpdate or StrategyType.Recreate))
        {
            throw new KubeRolloutException("PlanInvalid", FailureKind.InvalidArgument, $"Deployments roll out with RollingUpdate or Recreate, not {request.Strategy}.", request.Strategy);
        }

        var replicas = request.Replicas;
        var start = request.Start ?? RolloutPlanState.BeforeRollout(replicas);
        var rolling = request.Strategy == StrategyType.RollingUpdate;
        var fenceposts = rolling
            ? RolloutFenceposts.Resolve(replicas, request.MaxSurge, request.MaxUnavailable)
            : new RolloutFenceposts(0, replicas);
        var maxPods = replicas + fenceposts.MaxSurge;
        var minAvailable = replicas - fenceposts.MaxUnavailable;
        var description = Describe(request, fenceposts, maxPods, minAvailable);
        var steps = new List<RolloutPlanStep>();
        void Record(PlanAction change, string action, RolloutPlanState state) => steps.Add(steps.Count >= MaxSteps ? throw TooManySteps(description) : new RolloutPlanStep
        {
            Step = steps.Count,
            Change = change,
            Action = action,
            OldPods = state.OldPods,
            NewPods = state.NewPods,
            AvailablePods = state.AvailablePods,
            UnavailablePods = state.UnavailablePods,
            MaxPods = maxPods,
            MinAvailable = minAvailable,
            Chart = PodChart.Draw(state),
            Plan = description,
        });

        Record(PlanAction.Start, StartText(start), start);
        if (rolling)
        {
            RollingUpdate(replicas, fenceposts, start, Record);
        }
        else
        {
            Recreate(replicas, start, Record);
        }

        return new RolloutPlan
        {
            Replicas = replicas,
            Strategy = request.Strategy,
            MaxSurge = fenceposts.MaxSurge,
            MaxUnavailable = fenceposts.MaxUnavailable,
            MaxPods = maxPods,
            MinAvailable = minAvailable,
            Steps = steps,
            Description = description,
        };
    }

    private static void RollingUpdate(int replicas, RolloutFenceposts fenceposts, RolloutPlanState start, Action<PlanAction, string, RolloutPlanState> record)
    {
        var minAvailable = replicas - fenceposts.MaxUnavailable;
        var state = start;

        // Every sync either raises the new pods or their availability, or lowers the old pods, so the loop ends;
        // the limit only guards against a mistake here turning into a hang.
        var limit = (3 * (replicas + start.TotalPods)) + 10;
        for (var sync = 0; sync < limit; sync++)
        {
            if (state.NewPods > replicas)
            {
                state = state with { NewPods = replicas, NewAvailable = Math.Min(state.NewAvailable, replicas) };
                record(PlanAction.ScaleDownNew, $"scale down new to {Count(replicas)}", state);
                continue;
            }

            var newPods = NewReplicaSetReplicas(replicas, fenceposts.MaxSurge, state);
            if (newPods != state.NewPods)
            {
                state = state with { NewPods = newPods };
                record(PlanAction.ScaleUpNew, $"scale up new to {Count(newPods)}", state);
                continue;
            }

            var scaledDown = ScaleDownOld(minAvailable, state);
            if (scaledDown != state)
            {
                state = scaledDown;
                record(PlanAction.ScaleDownOld, $"scale down old to {Count(state.OldPods)}", state);
                continue;
            }

            if (state.NewAvailable < state.NewPods)
            {
                state = state with { NewAvailable = state.NewPods };
                record(PlanAction.PodsBecomeAvailable, "pods become available", state);
                continue;
            }

            return;
        }

        throw new InvalidOperationException($"The rollout plan did not finish within {limit} syncs.");
    }

    /// <summary>NewRSNewReplicas: up to replicas + maxSurge pods in all, never more new pods than replicas.</summary>
    private static int NewReplicaSetReplicas(int replicas, int maxSurge, RolloutPlanState state)
    {
        if (state.NewPods >= replicas)
        {
            return state.NewPods;
        }

        var maxTotal = replicas + maxSurge;
        if (state.TotalPods >= maxTotal)
        {
            return state.NewPods;
        }

        return state.NewPods + Math.Min(maxTotal - state.TotalPods, replicas - state.NewPods);
    }

    /// <summary>
    /// reconcileOldReplicaSets: nothing while all pods − minAvailable − unavailable new pods is not positive; else
    /// first the unavailable old pods (they cost no availability), then old pods while available pods exceed
    /// minAvailable. The ReplicaSet removes its unavailable pods first.
    /// </summary>
    private static RolloutPlanState ScaleDownOld(int minAvailable, RolloutPlanState state)
    {
        if (state.OldPods == 0)
        {
            return state;
        }

        var maxScaledDown = state.TotalPods - minAvailable - (state.NewPods - state.NewAvailable);
        if (maxScaledDown <= 0)
        {
            return state;
        }

        var unhealthyOld = state.OldPods - state.OldAvailable;
        var cleanedUp = Math.Min(maxScaledDown, unhealthyOld);
        var available = state.AvailablePods;
        var scaledDown = available > minAvailable ? Math.Min(state.OldPods - cleanedUp, available - minAvailable) : 0;
        var removed = cleanedUp + scaledDown;
        var removedAvailable = removed - Math.Min(removed, unhealthyOld);
        return state with { OldPods = state.OldPods - removed, OldAvailable = state.OldAvailable - removedAvailable };
    }

    /// <summary>recreate.go: all old ReplicaSets to 0, and only when their pods are gone the new one to replicas.</summary>
    private static void Recreate(int replicas, RolloutPlanState start, Action<PlanAction, string, RolloutPlanState> record)
    {
        var state = start;
        if (state.OldPods > 0)
        {
            state = state with { OldPods = 0, OldAvailable = 0 };
            record(PlanAction.ScaleDownOld, "scale down old to 0", state);
        }

        if (state.NewPods != replicas)
        {
            var change = state.NewPods < replicas ? PlanAction.ScaleUpNew : PlanAction.ScaleDownNew;
            state = state with { NewPods = replicas, NewAvailable = Math.Min(state.NewAvailable, replicas) };
            record(change, $"scale {(change == PlanAction.ScaleUpNew ? "up" : "down")} new to {Count(replicas)}", state);
        }

        if (state.NewAvailable < state.NewPods)
        {
            state = state with { NewAvailable = state.NewPods };
            record(PlanAction.PodsBecomeAvailable, "pods become available", state);
        }
    }

    private static KubeRolloutException TooManySteps(string description) => new(
        "PlanTooLarge", FailureKind.LimitsExceeded,
        $"The rollout takes more than {MaxSteps.ToString("N0", CultureInfo.InvariantCulture)} steps ({description}): allow more pods at a time with -MaxSurge or -MaxUnavailable.",
        description);

    private static string StartText(RolloutPlanState start)
    {
        var parts = new List<string>();
        if (start.OldPods > 0)
        {
            parts.Add($"{Count(start.OldPods)} old");
        }

        if (start.NewPods > 0)
        {
            parts.Add($"{Count(start.NewPods)} new");
        }

        return parts.Count == 0 ? "start: no pods" : $"start: {string.Join(", ", parts)}";
    }

    private static string Describe(RolloutPlanRequest request, RolloutFenceposts fenceposts, int maxPods, int minAvailable)
    {
        var source = request.Source is null ? string.Empty : $"{request.Source}: ";
        var replicas = $"{Count(request.Replicas)} {(request.Replicas == 1 ? "replica" : "replicas")}";
        return request.Strategy == StrategyType.Recreate
            ? $"{source}{replicas}, Recreate (all old pods go before new ones start)"
            : $"{source}{replicas}, RollingUpdate maxSurge {request.MaxSurge} (at most {Count(maxPods)} pods), maxUnavailable {request.MaxUnavailable} (at least {Count(minAvailable)} available)"
                + (fenceposts.MaxUnavailable > 0 && request.MaxUnavailable.Scale(request.Replicas, roundUp: false) == 0 ? ", 1 unavailable allowed since both resolve to 0" : string.Empty);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
