using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Defaulting;

/// <summary>The port defaults of core/v1 Endpoints and discovery.k8s.io/v1 EndpointSlices: protocol TCP, an EndpointSlice port's name "".</summary>
internal static class EndpointsDefaults
{
    public static void Apply(V1Endpoints endpoints)
    {
        foreach (var port in (endpoints.Subsets ?? []).SelectMany(s => s.Ports ?? []))
        {
            port.Protocol ??= "TCP";
        }
    }

    public static void Apply(V1EndpointSlice slice)
    {
        foreach (var port in slice.Ports ?? [])
        {
            port.Name ??= string.Empty;
            port.Protocol ??= "TCP";
        }
    }
}
