@{
    Synopsis    = 'Shows the steps a Deployment''s rollout goes through, pod count by pod count, as the Deployment controller takes them.'
    Description = @'
Get-KubeRolloutPlan simulates the Deployment controller's rolling update for given replicas, maxSurge and
maxUnavailable, or for a live Deployment, and returns one object per step: what the controller does (scale up new to
N, scale down old to M, pods become available), the old and new pods, total, available and unavailable pods, the
bounds the strategy sets (MaxPods = replicas + maxSurge, MinAvailable = replicas - maxUnavailable), and a chart of
the pods: circles are old pods, squares new ones, filled available, hollow not yet (●●● □ is three old pods serving
and one new pod starting; above 40 pods the chart counts: ●×997 □×3).

The arithmetic is the controller's: a maxSurge percentage rounds up, a maxUnavailable percentage rounds down, and
when both come to 0 one pod may be unavailable. Each sync first scales the new ReplicaSet up by
min(replicas + maxSurge - all replicas, replicas - new); only if that changes nothing does it scale old ReplicaSets
down, unavailable old pods first, by as much as the available pods above replicas - maxUnavailable allow. When no
sync can change anything, the pods that started become available: the plan assumes they all do at once, so with
several pods starting together a real cluster may interleave the next steps differently, always within the bounds.
With Recreate all old pods go first, then the new ones start.

For a live Deployment (-Name) the plan takes its replicas, strategy and pods: while a rollout is under way it
continues from the current old and new pods; when the last rollout is complete it shows the next one. -Replicas,
-Strategy, -MaxSurge and -MaxUnavailable override the Deployment's own settings to answer "what if".

Values are checked with the API's rules for a Deployment (both 0, negative, not a percentage, over 100%) and refused
with its message.
'@
    Parameters  = @{
        Replicas       = 'The desired number of pods. Required without -Name; with -Name it replaces the Deployment''s replicas.'
        MaxSurge       = 'How many pods above the replicas a rollout may start: an integer or a percentage such as 25% (rounded up). Default: 25%, or the Deployment''s.'
        MaxUnavailable = 'How many pods may be unavailable: an integer or a percentage such as 25% (rounded down). Default: 25%, or the Deployment''s.'
        Strategy       = 'RollingUpdate (default) or Recreate. A -MaxSurge or -MaxUnavailable without -Strategy means RollingUpdate.'
        Name           = 'The Deployment to plan for, or kubectl''s deploy/NAME form. Binds from pipeline strings and from the Name property of pipeline objects.'
        Kind           = 'The kind of workload; only Deployment has a plan. Binds from the Kind property of pipeline objects, so StatefulSets and DaemonSets in a pipeline are refused with PlanNotSupported.'
        Namespace      = 'With -Name: the Deployment''s namespace. Default: the namespace of the kubeconfig context, else "default". Without -Name it is not used (it is accepted so that $PSDefaultParameterValues for all Kube cmdlets do not get in the way).'
        Context        = 'With -Name: the kubeconfig context to use. Default: the current context. Not used without -Name.'
        KubeConfig     = 'With -Name: the kubeconfig file. Default: $env:KUBECONFIG, else ~/.kube/config. Not used without -Name: a plan from parameters needs no cluster.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Deployment names, or objects with Kind, Name and Namespace properties (for example from Get-KubeRolloutStatus).' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Rollouts.Plans.RolloutPlanStep'; Description = 'One per step: Step, Change, Action, OldPods, NewPods, TotalPods, AvailablePods, UnavailablePods, MaxPods, MinAvailable, Chart and Plan (the plan in one line, by which the table groups).' }
    )
    Examples    = @(
        @{
            Title   = 'Three replicas, one extra pod, none unavailable'
            Code    = 'Get-KubeRolloutPlan -Replicas 3 -MaxSurge 1 -MaxUnavailable 0'
            Remarks = 'Ten steps: never more than 4 pods, never fewer than 3 available. Each new pod starts, becomes available, and only then does an old one go.'
        }
        @{
            Title   = 'The next rollout of a live Deployment, and a what-if'
            Code    = "Get-KubeRolloutPlan vweb`nGet-KubeRolloutPlan vweb -MaxUnavailable 1"
            Remarks = 'The first uses the Deployment''s own settings; the second shows how allowing one unavailable pod shortens the rollout.'
        }
        @{
            Title   = 'The extremes of a plan'
            Code    = 'Get-KubeRolloutPlan -Replicas 10 | Measure-Object TotalPods, AvailablePods -Maximum -Minimum'
            Remarks = 'With the default 25% / 25%: at most 13 pods, at least 8 available.'
        }
        @{
            Title   = 'Recreate'
            Code    = 'Get-KubeRolloutPlan -Replicas 3 -Strategy Recreate'
            Remarks = 'All three old pods go, then three new ones start: no pod serves in between.'
        }
    )
    Notes       = 'Error ids: PlanTooLarge (LimitsExceeded: more than 1,000,000 replicas, or more than 10,000 steps), StrategyInvalid (InvalidArgument; the API''s message for the values, e.g. The strategy is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ...: may not be 0 when `maxSurge` is 0), PlanNotSupported (InvalidArgument; a StatefulSet or DaemonSet), PlanInvalid (InvalidArgument), WorkloadNotFound, ClusterUnreachable.'
    Links       = @('Set-KubeRolloutStrategy', 'Wait-KubeRollout', 'about_KubeRollout')
}
