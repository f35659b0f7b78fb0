@{
    Synopsis    = 'Shows a Service''s blue-green state: the active and the standby Deployment, and the pods that receive its traffic.'
    Description = @'
Get-KubeBlueGreen returns, for a Service with a selector, the sides of its blue-green release and what its
EndpointSlices list now:
- Active: the Deployment whose pods the selector matches (or whose pods are its ready endpoints), with revision,
  images, ready and desired replicas, rollout state, and how many of its pods are ready endpoints;
- Standby: the Deployment a switch would go to: another Deployment whose pod template carries every key of the
  selector, shares at least one of its values and differs in at least one (slot: green beside slot: blue), or
  one the switch history names;
- Endpoints and EndpointPods: the endpoints of the Service's EndpointSlices (pod, address, node, ready, serving,
  terminating) and the pods that receive traffic now, exactly what kubectl get endpointslices shows;
- LastSwitch and a one-line Message.
Active and Standby are set when there is exactly one of each; Sides lists all.

With -History it lists the switches recorded on the Service by Switch-KubeBlueGreen (oldest first): number, time,
from, to, previous selector, selector, cause; the newest is marked current while the Service still has its selector.

A Service without a selector (whose endpoints are written by hand) is refused with ServiceWithoutSelector.
'@
    Parameters  = @{
        Service = 'The Service: NAME or svc/NAME. Binds from pipeline strings and from the Service property of pipeline objects.'
        History = 'Lists the switches recorded on the Service instead of its state.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Service names.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Releases.BlueGreen.BlueGreenStatus'; Description = 'Namespace, Service, Selector, Active, Standby, Sides, Endpoints, EndpointPods, LastSwitch, Message.' }
        @{ Type = 'KubeRollout.Core.Releases.BlueGreen.BlueGreenSwitchRecord'; Description = 'With -History: Number, Time, From, To, PreviousSelector, Selector, Cause, IsCurrent.' }
    )
    Examples    = @(
        @{
            Title   = 'Which side has the traffic?'
            Code    = 'Get-KubeBlueGreen vweb'
            Remarks = 'Shows the selector, the active side (for example vweb-blue, revision 1, nginx:1.26-alpine, 3/3 ready, 3 endpoints), the standby side and the endpoints.'
        }
        @{
            Title   = 'Switch to whatever side is standby'
            Code    = 'Get-KubeBlueGreen vweb | Switch-KubeBlueGreen -Wait'
            Remarks = 'The Standby side binds to Switch-KubeBlueGreen -To.'
        }
        @{
            Title   = 'List the recorded switches'
            Code    = 'Get-KubeBlueGreen vweb -History'
            Remarks = 'One row per switch with its time, from, to, selector and cause; the current one is marked.'
        }
    )
    Notes       = 'Error ids: ServiceNotFound, NotAService, ServiceWithoutSelector, BlueGreenHistoryUnreadable (with -History).'
    Links       = @('about_KubeRollout', 'Switch-KubeBlueGreen')
}
