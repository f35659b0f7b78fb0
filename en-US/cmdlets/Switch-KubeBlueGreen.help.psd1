@{
    Synopsis    = 'Switches a Service''s traffic from one Deployment to another (a blue-green release), safely, and back.'
    Description = @'
A blue-green release runs two complete Deployments side by side, the blue and the green one, behind one Service;
the Service's label selector decides which receives the traffic. Switch-KubeBlueGreen points the selector of
-Service at the pods of the Deployment -To, and -Back points it at the side it had before the last switch: the
switch is instant, and switching back is the rollback.

The switch is made only when it is safe, and otherwise refused with nothing changed:
- the target must have completed its rollout with every replica available (TargetNotReady, with kubectl rollout
  status's message, for example while it rolls out; a Deployment scaled to 0 is not ready either);
- the new selector must match only pods of the target, at least one of them Ready (SelectorMatchesOtherPods,
  SelectorMatchesNoReadyPod). It keeps the keys of the Service's selector with the target's values (slot: blue
  becomes slot: green), drops keys the target's pods lack, and adds labels that tell the target's pods from every
  other Deployment's, preferring labels the target Deployment's own selector fixes (pod-template-hash is never
  used). When no label tells the sides apart the switch is refused (SidesIndistinguishable). A warning says when
  the selector had to use a pod-template label the Deployment's selector does not fix, which a later rollout of
  the target could change;
- every Service port whose targetPort is a name must find a container port of that name (and protocol) in the
  target's pods, as the endpoint controllers look it up (TargetPortMissing): otherwise the Service would list the
  pods but have no endpoint for that port.

-WhatIf shows the old and the new selector and the pods that would gain and lose traffic, and changes nothing.

A Service changed by a manifest (Invoke-KubeRollout) is judged by the same rules: an apply whose new selector matches
no ready pod, or the pods of several workloads, warns (in its -WhatIf too), since it cannot refuse what the manifest
says.

-Verify { ... } runs a script block before the switch, with the plan as $_ (To, Selector, TargetPods with pod names
and addresses, Gaining, Losing) and $ErrorActionPreference set to Stop. When it throws, writes an error or its last
output is false, the switch is not made (VerificationFailed). No output passes, so Should-style checks work.

Every switch is recorded on the Service, in the annotation kuberollout.io/blue-green-history (the last 10 switches:
number, time, from, to, previous selector, selector, cause), in the same write as the selector. Get-KubeBlueGreen
-History lists them. -Back restores the previous selector of the last record, under the same checks, and is itself
recorded (numbers keep growing, as revisions do); it is refused when nothing was recorded (NoSwitchToGoBack) or when
the selector was changed since the last switch (SelectorChangedOutsideSwitch).

The write is one JSON merge patch of the selector and the history, conditional on the resourceVersion that was
read. When someone else changed the Service in between (409 Conflict), it is read again and written again on top
of their change; when their change was to the selector itself, nothing is written (ServiceChangedConcurrently).

-Wait returns once the Service's EndpointSlices list exactly the target's ready pods (EndpointsNotSwitched after
-Timeout). -ScaleDownAfter D scales the old side to 0 replicas D after that (it implies -Wait): the delay runs inside
the cmdlet with a progress bar and Ctrl+C stops it before anything is scaled; then the old side is scaled only when
none of its pods is an endpoint of any Service in the namespace, else ScaleDownRefused. A side scaled down is not
ready to switch back to until it is scaled up again. When a step after the switch fails, the switch result is
written before the error.
'@
    Parameters  = @{
        Service        = 'The Service whose traffic is switched: NAME or svc/NAME. Binds from the Service property of pipeline objects (Get-KubeBlueGreen output).'
        To             = 'The Deployment that gets the traffic: NAME or deploy/NAME, in the Service''s namespace (a Deployment found only in another namespace is refused with TargetInOtherNamespace). Aliases Standby and Deployment: the Standby side of Get-KubeBlueGreen binds here from the pipeline.'
        Back           = 'Switches back to the side before the last recorded switch.'
        ChangeCause    = 'Why, recorded with the switch (alias Cause). Default: "switch to NAME", or "back to NAME" with -Back.'
        Verify         = 'A script block run before the switch with the plan as $_; an error, or false as its last output, means no switch.'
        Wait           = 'Waits until the Service''s EndpointSlices list exactly the target''s ready pods.'
        Timeout        = 'How long -Wait may take: kubectl''s durations (2s, 5m), a number of seconds, or a TimeSpan. Default: 2 minutes.'
        ScaleDownAfter = 'Scales the old side to 0 replicas this long after the endpoints switched (a duration such as 30s), and only once none of its pods receives traffic. Implies -Wait.'
    }
    Inputs      = @(
        @{ Type = 'KubeRollout.Core.Releases.BlueGreen.BlueGreenStatus'; Description = 'Get-KubeBlueGreen output: Service, Namespace and Standby bind, so the Service switches to its standby side.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Releases.BlueGreen.BlueGreenSwitchResult'; Description = 'Service, From, To, PreviousSelector, Selector, Switched, Back, Record, Gained, Lost, Waited, Endpoints, ScaledDown, Message.' }
    )
    Examples    = @(
        @{
            Title   = 'See what a switch would do'
            Code    = 'Switch-KubeBlueGreen -Service vweb -To vweb-green -WhatIf'
            Remarks = 'Prints the selector before and after (app=vweb,slot=blue -> app=vweb,slot=green) and the pods that would gain and lose traffic. Nothing is changed.'
        }
        @{
            Title   = 'Switch to green once a check passes, and wait for the endpoints'
            Code    = 'Switch-KubeBlueGreen vweb vweb-green -Verify { $_.TargetPods.Count -eq 3 } -Wait -ChangeCause ''release 2.0'''
            Remarks = 'Refused with TargetNotReady while vweb-green is still rolling out; returns once the Service''s EndpointSlices list exactly the green pods.'
        }
        @{
            Title   = 'Roll back: switch to the side before the last switch'
            Code    = 'Switch-KubeBlueGreen -Service vweb -Back -Wait'
            Remarks = 'Restores the selector recorded with the last switch and records the switch back.'
        }
        @{
            Title   = 'Switch to the standby side and scale the old one down after 30 seconds'
            Code    = 'Get-KubeBlueGreen vweb | Switch-KubeBlueGreen -ScaleDownAfter 30s'
            Remarks = 'Standby binds to -To. The old side is scaled to 0 only once none of its pods is an endpoint any more.'
        }
    )
    Notes       = 'Error ids: ServiceNotFound, NotAService, WorkloadNotFound, NotADeployment, TargetInOtherNamespace, ServiceWithoutSelector, SidesIndistinguishable, TargetNotReady, TargetPortMissing, SelectorMatchesNoReadyPod, SelectorMatchesOtherPods, VerificationFailed, NoSwitchToGoBack, SelectorChangedOutsideSwitch, BlueGreenHistoryUnreadable, ServiceChangedConcurrently, EndpointsNotSwitched, ScaleDownRefused.'
    Links       = @('about_KubeRollout', 'Get-KubeBlueGreen', 'Get-KubeRolloutStatus', 'Wait-KubeRollout')
}
