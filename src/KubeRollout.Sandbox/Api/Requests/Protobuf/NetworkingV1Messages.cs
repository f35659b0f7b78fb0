using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>Field numbers from k8s.io/api/networking/v1/generated.proto: an Ingress as kubectl create ingress sends it.</summary>
internal static class NetworkingV1Messages
{
    public static readonly ProtoMessage ServiceBackendPort = new("ServiceBackendPort",
        String(1, "name"),
        Int32(2, "number"));

    public static readonly ProtoMessage IngressServiceBackend = new("IngressServiceBackend",
        String(1, "name"),
        Object(2, "port", ServiceBackendPort));

    public static readonly ProtoMessage IngressBackend = new("IngressBackend",
        Object(3, "resource", CoreV1Messages.TypedLocalObjectReference),
        Object(4, "service", IngressServiceBackend));

    public static readonly ProtoMessage HTTPIngressPath = new("HTTPIngressPath",
        String(1, "path"),
        Object(2, "backend", IngressBackend),
        String(3, "pathType", @explicit: true));

    public static readonly ProtoMessage HTTPIngressRuleValue = new("HTTPIngressRuleValue",
        Objects(1, "paths", HTTPIngressPath));

    /// <summary>Embedded in IngressRule: its http field is the rule's own in JSON.</summary>
    public static readonly ProtoMessage IngressRuleValue = new("IngressRuleValue",
        Object(1, "http", HTTPIngressRuleValue));

    public static readonly ProtoMessage IngressRule = new("IngressRule",
        String(1, "host"),
        Embedded(2, IngressRuleValue));

    public static readonly ProtoMessage IngressTLS = new("IngressTLS",
        Strings(1, "hosts"),
        String(2, "secretName"));

    public static readonly ProtoMessage IngressSpec = new("IngressSpec",
        Object(1, "defaultBackend", IngressBackend),
        Objects(2, "tls", IngressTLS),
        Objects(3, "rules", IngressRule),
        String(4, "ingressClassName", @explicit: true));

    public static readonly ProtoMessage Ingress = new("Ingress",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", IngressSpec),
        Ignored(3, "status"));
}
