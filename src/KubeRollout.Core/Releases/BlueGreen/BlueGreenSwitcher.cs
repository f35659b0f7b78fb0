using System.Globalization;
using k8s.Models;
using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// Switches a Service between the sides of a blue-green release (Switch-KubeBlueGreen): plans and checks the
/// switch (<see cref="BlueGreenPolicy"/>), runs the caller's verification, writes the selector and the switch
/// record in one conditional update (retried on a fresh read after 409 Conflict), waits until the EndpointSlices
/// list exactly the target's ready pods, and scales the old side down once none of its pods is an endpoint.
/// </summary>
public static class BlueGreenSwitcher
{
    /// <summary>How long the wait for the endpoints takes at most when no timeout is given.</summary>
    public static readonly TimeSpan DefaultEndpointTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan PodRefresh = TimeSpan.FromSeconds(5);

    /// <summary>The switch to <paramref name="target"/>, or, when it is null, back to the side before the last recorded switch.</summary>
    public static async Task<BlueGreenSwitchPlan> PlanAsync(KubeApiClient client, string @namespace, string service, string? target, CancellationToken cancellationToken)
    {
        var state = await BlueGreenStateReader.ReadAsync(client, @namespace, service, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            BlueGreenPolicy.RequireSelector(state);
            return BlueGreenPolicy.PlanBack(state, BlueGreenPolicy.History(state.Service));
        }

        if (state.Deployment(target) is null)
        {
            await ThrowNotFoundAsync(client, @namespace, service, target, cancellationToken).ConfigureAwait(false);
        }

        return BlueGreenPolicy.PlanSwitch(state, target);
    }

    /// <summary>
    /// Runs <paramref name="verify"/> (false or an exception: no switch), then writes the plan. The first write is
    /// conditional on the Service as the plan read it; after a conflict the Service is read again and the write
    /// goes ahead only while its selector is still the plan's old one, so others' changes are kept and a
    /// concurrent switch is never overwritten.
    /// </summary>
    public static async Task<BlueGreenSwitchResult> SwitchAsync(
        KubeApiClient client, BlueGreenSwitchPlan plan, string? cause, Func<BlueGreenSwitchPlan, CancellationToken, Task<bool>>? verify, CancellationToken cancellationToken)
    {
        if (plan.IsNoOp)
        {
            return Result(plan, switched: false, record: null, $"already selects deployment {plan.To} ({ServiceSelectors.Format(plan.Selector)}): nothing to switch");
        }

        if (verify is not null)
        {
            await VerifyAsync(plan, verify, cancellationToken).ConfigureAwait(false);
        }

        var known = plan.ServiceObject;
        var record = await ConflictRetry.RunAsync<BlueGreenSwitchRecord?>(async token =>
        {
            var service = known ?? await client.FindAsync<V1Service>(ApiResource.Services, plan.Namespace, plan.Service, token).ConfigureAwait(false)
                ?? throw BlueGreenErrors.ServiceNotFound(plan.Namespace, plan.Service);
            known = null;
            var live = ServiceSelectors.Copy(service.Spec?.Selector);
            if (!ServiceSelectors.SameAs(live, plan.PreviousSelector))
            {
                return ServiceSelectors.SameAs(live, plan.Selector)
                    ? null // someone made this very switch meanwhile
                    : throw BlueGreenErrors.ServiceChangedConcurrently(plan.Service, ServiceSelectors.Format(plan.PreviousSelector), ServiceSelectors.Format(live));
            }

            var records = BlueGreenHistory.Append(
                ReadableHistory(service), DateTime.UtcNow, plan.From.Count == 0 ? null : string.Join(",", plan.From), plan.To,
                plan.PreviousSelector, plan.Selector, cause ?? DefaultCause(plan));
            var patch = BlueGreenServicePatch.For(service, plan.Selector, BlueGreenHistory.Serialize(records));
            await client.PatchAsync<V1Service>(ApiResource.Services, plan.Namespace, plan.Service, patch, PatchKind.Merge, dryRun: false, token).ConfigureAwait(false);
            return records[^1];
        }, cancellationToken).ConfigureAwait(false);

        return record is null
            ? Result(plan, switched: false, record: null, $"already switched to deployment {plan.To} by someone else meanwhile ({ServiceSelectors.Format(plan.Selector)})")
            : Result(plan, switched: true, record.Number, $"switched {(plan.Back ? "back " : string.Empty)}to deployment {plan.To} ({ServiceSelectors.Format(plan.Selector)}); switch {record.Number.ToString(CultureInfo.InvariantCulture)} recorded");
    }

    /// <summary>
    /// Waits until the Service's EndpointSlices list exactly the target's ready pods: every endpoint is a pod the
    /// new selector matches, and the ready ones are all its ready pods. The pods are read again every few seconds,
    /// so a target pod replaced meanwhile does not make the wait miss.
    /// </summary>
    public static async Task<BlueGreenSwitchResult> WaitForEndpointsAsync(
        KubeApiClient client, BlueGreenSwitchResult result, BlueGreenSwitchPlan plan, TimeSpan? timeout, Action<BlueGreenProgress>? report, CancellationToken cancellationToken)
    {
        var limit = timeout ?? DefaultEndpointTimeout;
        var activity = $"Waiting for the endpoints of service {plan.Service} to be deployment {plan.To}'s pods";
        var deadline = DateTime.UtcNow + limit;
        var podSelector = string.Join(",", plan.Selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var state = "nothing read yet";
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                report?.Invoke(new BlueGreenProgress(activity, "Timed out", Completed: true));
                throw BlueGreenErrors.EndpointsNotSwitched(plan.Service, plan.To, limit, state);
            }

            var pods = (await client.ListAsync<V1Pod>(ApiResource.Pods, plan.Namespace, cancellationToken, labelSelector: podSelector).ConfigureAwait(false)).Items;
            var all = pods.Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
            var ready = pods.Where(BlueGreenState.IsServing).Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
            bool Switched(IReadOnlyList<V1EndpointSlice> slices)
            {
                var endpoints = ServiceEndpoint.From(slices);
                var readyEndpoints = endpoints.Where(e => e.Ready).Select(e => e.Pod).ToList();
                var strangers = endpoints.Count(e => e.Pod is null || !all.Contains(e.Pod));
                state = $"{readyEndpoints.Count(p => p is not null && ready.Contains(p))} of {ready.Count} ready pods of {plan.To} are ready endpoints, {strangers} other endpoint{(strangers == 1 ? string.Empty : "s")}";
                report?.Invoke(new BlueGreenProgress(activity, state, ready.Count == 0 ? -1 : 100 * readyEndpoints.Count(p => p is not null && ready.Contains(p)) / ready.Count));
                return ready.Count > 0 && strangers == 0 && readyEndpoints.Count == ready.Count && readyEndpoints.All(p => p is not null && ready.Contains(p));
            }

            var (slices, done) = await ObjectSetWatcher.WaitUntilAsync<V1EndpointSlice>(
                client, ApiResource.EndpointSlices, plan.Namespace, $"{BlueGreenStateReader.ServiceNameLabel}={plan.Service}",
                Switched, left < PodRefresh ? left : PodRefresh, cancellationToken).ConfigureAwait(false);
            if (done)
            {
                report?.Invoke(new BlueGreenProgress(activity, "Done", 100, Completed: true));
                return result with { Waited = true, Endpoints = ServiceEndpoint.From(slices).Where(e => e.Ready).ToList() };
            }
        }
    }

    /// <summary>
    /// After <paramref name="delay"/> (for connections to drain), scales each Deployment that had the traffic to 0,
    /// but only once none of its pods is an endpoint of any Service in the namespace (ready or still serving while
    /// terminating); a side that still receives traffic is refused with ScaleDownRefused and left as it is.
    /// </summary>
    public static async Task<BlueGreenSwitchResult> ScaleDownOldSideAsync(
        KubeApiClient client, BlueGreenSwitchResult result, BlueGreenSwitchPlan plan, TimeSpan delay, Action<BlueGreenProgress>? report, CancellationToken cancellationToken)
    {
        var old = plan.From.Where(d => d != plan.To).ToList();
        if (old.Count == 0)
        {
            return result;
        }

        await DelayAsync(delay, $"Scaling down {string.Join(", ", old)} after the switch", report, cancellationToken).ConfigureAwait(false);
        var scaled = new List<string>();
        foreach (var name in old)
        {
            var deployment = await client.FindAsync<V1Deployment>(ApiResource.Deployments, plan.Namespace, name, cancellationToken).ConfigureAwait(false);
            if (deployment is null || (deployment.Spec.Replicas ?? 1) == 0)
            {
                continue;
            }

            var serving = await EndpointsOfAsync(client, deployment, cancellationToken).ConfigureAwait(false);
            if (serving.Count > 0)
            {
                throw BlueGreenErrors.ScaleDownRefused(name, $"its pods still receive traffic, as endpoints of {string.Join(", ", serving)}.");
            }

            await client.PatchAsync<V1Deployment>(ApiResource.Deployments, plan.Namespace, name, """{"spec":{"replicas":0}}""", PatchKind.Merge, dryRun: false, cancellationToken).ConfigureAwait(false);
            scaled.Add($"{name} ({(deployment.Spec.Replicas ?? 1).ToString(CultureInfo.InvariantCulture)} -> 0)");
        }

        return result with { ScaledDown = scaled, Message = scaled.Count == 0 ? result.Message : $"{result.Message}; scaled down {string.Join(", ", scaled)}" };
    }

    /// <summary>
    /// The switch as the user will be asked about it (-WhatIf, -Confirm): the plan, then, when asked for, the
    /// verification before and the scale-down after.
    /// </summary>
    public static string Describe(BlueGreenSwitchPlan plan, bool verify, TimeSpan? scaleDownAfter)
    {
        if (plan.IsNoOp)
        {
            return plan.Describe();
        }

        var lines = new List<string> { plan.Describe() };
        if (verify)
        {
            lines.Add("    first: run the -Verify script block with the plan; false or an error stops the switch");
        }

        if (scaleDownAfter is { } delay)
        {
            lines.Add(DescribeScaleDown(plan, delay));
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Whether a switch is followed by the wait for its endpoints: when asked for, and before any scale-down of the old side.</summary>
    public static bool WaitsForEndpoints(bool wait, TimeSpan? scaleDownAfter) => wait || scaleDownAfter is not null;

    /// <summary>What the switch would scale down, for -WhatIf.</summary>
    private static string DescribeScaleDown(BlueGreenSwitchPlan plan, TimeSpan delay)
    {
        var old = plan.From.Where(d => d != plan.To).ToList();
        return old.Count == 0
            ? "    then: no old side to scale down"
            : $"    then: scale deployment {string.Join(", ", old)} to 0 replicas {delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s after the endpoints switched, once none of its pods is an endpoint of any Service";
    }

    private static async Task VerifyAsync(BlueGreenSwitchPlan plan, Func<BlueGreenSwitchPlan, CancellationToken, Task<bool>> verify, CancellationToken cancellationToken)
    {
        bool passed;
        try
        {
            passed = await verify(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeRolloutException e) when (e.Kind == FailureKind.OperationStopped)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // any failure of the user's verification means: no switch
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw BlueGreenErrors.VerificationFailed(plan.To, e.Message, e);
        }

        if (!passed)
        {
            throw BlueGreenErrors.VerificationFailed(plan.To, "it returned false");
        }
    }

    /// <summary>The Services whose EndpointSlices list a pod of the Deployment as ready or serving.</summary>
    private static async Task<IReadOnlyList<string>> EndpointsOfAsync(KubeApiClient client, V1Deployment deployment, CancellationToken cancellationToken)
    {
        var ns = deployment.Metadata.NamespaceProperty;
        var selector = deployment.Spec.Selector is { } s ? Kubernetes.LabelSelectorMatcher.ToQueryString(s) : null;
        var replicaSets = (await client.ListAsync<V1ReplicaSet>(ApiResource.ReplicaSets, ns, cancellationToken, labelSelector: selector).ConfigureAwait(false)).Items
            .Where(rs => rs.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == deployment.Metadata.Uid) == true)
            .Select(rs => rs.Metadata.Uid)
            .ToHashSet(StringComparer.Ordinal);
        var pods = (await client.ListAsync<V1Pod>(ApiResource.Pods, ns, cancellationToken, labelSelector: selector).ConfigureAwait(false)).Items
            .Where(p => p.Metadata.OwnerReferences?.Any(o => o.Controller == true && replicaSets.Contains(o.Uid)) == true)
            .Select(p => p.Metadata.Name)
            .ToHashSet(StringComparer.Ordinal);
        var slices = (await client.ListAsync<V1EndpointSlice>(ApiResource.EndpointSlices, ns, cancellationToken).ConfigureAwait(false)).Items;
        return slices
            .Where(slice => ServiceEndpoint.From([slice]).Any(e => e.Pod is not null && pods.Contains(e.Pod) && (e.Ready || e.Serving)))
            .Select(slice => slice.Metadata.Labels?.TryGetValue(BlueGreenStateReader.ServiceNameLabel, out var service) == true ? $"service {service}" : $"endpointslice {slice.Metadata.Name}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static async Task DelayAsync(TimeSpan delay, string activity, Action<BlueGreenProgress>? report, CancellationToken cancellationToken)
    {
        var end = DateTime.UtcNow + delay;
        for (var left = delay; left > TimeSpan.Zero; left = end - DateTime.UtcNow)
        {
            report?.Invoke(new BlueGreenProgress(activity, $"{Math.Ceiling(left.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s left", (int)(100 * (1 - (left / delay)))));
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        report?.Invoke(new BlueGreenProgress(activity, "Done", 100, Completed: true));
    }

    /// <summary>Not in the Service's namespace: named as being in another one when it is, else not found.</summary>
    private static async Task ThrowNotFoundAsync(KubeApiClient client, string @namespace, string service, string target, CancellationToken cancellationToken)
    {
        IReadOnlyList<V1Deployment> elsewhere;
        try
        {
            elsewhere = (await client.ListAsync<V1Deployment>(ApiResource.Deployments, null, cancellationToken, fieldSelector: $"metadata.name={target}").ConfigureAwait(false)).Items;
        }
        catch (KubeApiException e) when (e.Kind == FailureKind.PermissionDenied)
        {
            elsewhere = []; // not allowed to look across namespaces: the plain not-found is all we can say
        }

        if (elsewhere.FirstOrDefault(d => d.Metadata.NamespaceProperty != @namespace) is { } other)
        {
            throw BlueGreenErrors.TargetInOtherNamespace(target, other.Metadata.NamespaceProperty, @namespace, service);
        }

        throw BlueGreenErrors.DeploymentNotFound(@namespace, target);
    }

    private static IReadOnlyList<BlueGreenSwitchRecord> ReadableHistory(V1Service service)
    {
        try
        {
            return BlueGreenPolicy.History(service);
        }
        catch (KubeRolloutException)
        {
            return []; // a history someone broke does not block the switch: a new one starts
        }
    }

    private static string DefaultCause(BlueGreenSwitchPlan plan) => plan.Back ? $"back to {plan.To}" : $"switch to {plan.To}";

    private static BlueGreenSwitchResult Result(BlueGreenSwitchPlan plan, bool switched, long? record, string message) => new()
    {
        Namespace = plan.Namespace,
        Service = plan.Service,
        From = plan.From.Count == 0 ? null : string.Join(",", plan.From),
        To = plan.To,
        PreviousSelector = ServiceSelectors.Format(plan.PreviousSelector),
        Selector = ServiceSelectors.Format(plan.Selector),
        Switched = switched,
        Back = plan.Back,
        Record = record,
        Gained = switched ? plan.Gaining.Select(e => e.ToString()).ToList() : [],
        Lost = switched ? plan.Losing.Select(e => e.ToString()).ToList() : [],
        Message = message,
    };
}
