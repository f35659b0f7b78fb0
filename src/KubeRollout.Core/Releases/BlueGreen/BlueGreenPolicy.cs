using k8s.Models;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Deployments;

namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// When a Service may be switched, and to what (pure; the rules of Switch-KubeBlueGreen). The target must have
/// completed its rollout with every replica available; the new selector (<see cref="BlueGreenSelector"/>) must
/// match only pods of the target, at least one of them ready. A switch back restores the selector before the last
/// recorded switch, only while the Service still has the selector that switch set, and under the same rules.
/// </summary>
public static class BlueGreenPolicy
{
    public static void RequireSelector(BlueGreenState state)
    {
        if (state.Service.Spec?.Type == "ExternalName" || state.Selector.Count == 0)
        {
            throw BlueGreenErrors.ServiceWithoutSelector(state.ServiceName, state.Service.Spec?.Type);
        }
    }

    /// <summary>The switch history recorded on a Service.</summary>
    public static IReadOnlyList<BlueGreenSwitchRecord> History(V1Service service)
    {
        var annotation = service.Metadata.Annotations?.TryGetValue(BlueGreenHistory.Annotation, out var value) == true ? value : null;
        try
        {
            return BlueGreenHistory.Parse(annotation, service.Metadata.NamespaceProperty, service.Metadata.Name, ServiceSelectors.Copy(service.Spec?.Selector));
        }
        catch (FormatException e)
        {
            throw BlueGreenErrors.HistoryUnreadable(service.Metadata.Name, e.Message);
        }
    }

    public static BlueGreenSwitchPlan PlanSwitch(BlueGreenState state, string target)
    {
        RequireSelector(state);
        var deployment = state.Deployment(target) ?? throw BlueGreenErrors.DeploymentNotFound(state.Namespace, target);
        RequireReady(deployment);
        var others = state.Deployments.Where(d => d.Metadata.Uid != deployment.Metadata.Uid).Select(LabelsOf).ToList();
        var selection = BlueGreenSelector.For(state.Selector, LabelsOf(deployment), others);
        return Plan(state, deployment, selection.Selector, selection.Warnings, back: false);
    }

    public static BlueGreenSwitchPlan PlanBack(BlueGreenState state, IReadOnlyList<BlueGreenSwitchRecord> history)
    {
        RequireSelector(state);
        var last = history.Count == 0 ? throw BlueGreenErrors.NoSwitchToGoBack(state.ServiceName) : history[^1];
        if (!ServiceSelectors.SameAs(state.Selector, last.Selector))
        {
            throw BlueGreenErrors.SelectorChangedOutsideSwitch(state.ServiceName, ServiceSelectors.Format(state.Selector), ServiceSelectors.Format(last.Selector));
        }

        var named = (last.From ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(state.Deployment).OfType<V1Deployment>()
            .Where(d => ServiceSelectors.Matches(last.PreviousSelector, d.Spec.Template?.Metadata?.Labels))
            .ToList();
        var matching = state.Deployments.Where(d => ServiceSelectors.Matches(last.PreviousSelector, d.Spec.Template?.Metadata?.Labels)).ToList();
        var deployment = named.Count == 1 ? named[0] : matching.Count == 1 ? matching[0] : null;
        if (deployment is null)
        {
            var previous = ServiceSelectors.Format(last.PreviousSelector);
            if (matching.Count > 1)
            {
                throw BlueGreenErrors.SelectorMatchesOtherPods(state.ServiceName, previous, last.From ?? "<none>", matching.Select(d => $"deployment {d.Metadata.Name}").ToList());
            }

            if (last.From is { } from && !from.Contains(',', StringComparison.Ordinal) && state.Deployment(from) is null)
            {
                throw BlueGreenErrors.DeploymentNotFound(state.Namespace, from);
            }

            throw BlueGreenErrors.SelectorMatchesNoReadyPod(state.ServiceName, previous);
        }

        RequireReady(deployment);
        return Plan(state, deployment, last.PreviousSelector, [], back: true);
    }

    /// <summary>The target has rolled out completely and every replica is available.</summary>
    public static void RequireReady(V1Deployment deployment)
    {
        var name = deployment.Metadata.Name;
        var replicas = deployment.Spec.Replicas ?? 1;
        if (replicas == 0)
        {
            throw BlueGreenErrors.TargetNotReady(name, $"it has 0 replicas; scale it up first (kubectl scale deployment {name} --replicas=N) and wait until its pods are available");
        }

        var status = DeploymentStatusEvaluator.Evaluate(deployment);
        if (status.State != RolloutState.Complete)
        {
            throw BlueGreenErrors.TargetNotReady(name, status.Message);
        }

        if (status.AvailableReplicas < replicas)
        {
            throw BlueGreenErrors.TargetNotReady(name, $"{status.AvailableReplicas} of {replicas} replicas are available");
        }
    }

    public static SideLabels LabelsOf(V1Deployment deployment) => new(
        deployment.Metadata.Name,
        ServiceSelectors.Copy(deployment.Spec.Template?.Metadata?.Labels),
        ServiceSelectors.Copy(deployment.Spec.Selector?.MatchLabels));

    private static BlueGreenSwitchPlan Plan(BlueGreenState state, V1Deployment target, IReadOnlyDictionary<string, string> selector, IReadOnlyList<string> warnings, bool back)
    {
        var matched = state.PodsMatching(selector);
        var foreign = matched.Where(p => state.OwnerOf(p)?.Metadata.Uid != target.Metadata.Uid).ToList();
        if (foreign.Count > 0)
        {
            throw BlueGreenErrors.SelectorMatchesOtherPods(
                state.ServiceName, ServiceSelectors.Format(selector), target.Metadata.Name,
                foreign.Select(p => state.OwnerOf(p) is { } owner ? $"{p.Metadata.Name} of deployment {owner.Metadata.Name}" : $"{p.Metadata.Name}, of no Deployment").ToList());
        }

        var servingPods = matched.Where(BlueGreenState.IsServing).ToList();
        if (servingPods.Count == 0)
        {
            throw BlueGreenErrors.SelectorMatchesNoReadyPod(state.ServiceName, ServiceSelectors.Format(selector));
        }

        // A pod without the container port a named targetPort asks for gets no endpoint for that Service port.
        if (servingPods.Select(p => (Pod: p, Unresolved: ServiceTargetPorts.Unresolved(state.Service, p))).FirstOrDefault(x => x.Unresolved.Count > 0) is { Pod: not null } unserved)
        {
            throw BlueGreenErrors.TargetPortMissing(state.ServiceName, target.Metadata.Name, unserved.Unresolved, ServiceTargetPorts.NamedPorts(unserved.Pod));
        }

        var ready = servingPods.Select(Endpoint).ToList();

        var serving = state.Endpoints.Where(e => e.Ready).ToList();
        var servingNow = serving.Select(e => e.Pod).ToHashSet(StringComparer.Ordinal);
        var readyPods = ready.Select(e => e.Pod).ToHashSet(StringComparer.Ordinal);
        return new BlueGreenSwitchPlan
        {
            Namespace = state.Namespace,
            Service = state.ServiceName,
            From = state.ServingDeployments().Select(d => d.Metadata.Name).ToList(),
            To = target.Metadata.Name,
            PreviousSelector = state.Selector,
            Selector = selector,
            TargetPods = ready,
            Gaining = ready.Where(e => !servingNow.Contains(e.Pod)).ToList(),
            Losing = serving.Where(e => !readyPods.Contains(e.Pod)).ToList(),
            Back = back,
            Warnings = warnings,
            ServiceObject = state.Service,
        };
    }

    private static ServiceEndpoint Endpoint(V1Pod pod) =>
        new(pod.Metadata.Name, pod.Status?.PodIP ?? string.Empty, pod.Spec?.NodeName, Ready: true, Serving: true, Terminating: false);
}
