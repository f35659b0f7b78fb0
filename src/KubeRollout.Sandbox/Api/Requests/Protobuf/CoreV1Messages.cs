using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>
/// Field numbers from k8s.io/api/core/v1/generated.proto: the messages kubectl's create generators send (namespace,
/// configmap, secret, service, serviceaccount) and the pod template parts of a Deployment. Volumes, probes, affinity, tolerations and
/// security contexts are not in the table and are skipped.
/// </summary>
internal static class CoreV1Messages
{
    public static readonly ProtoMessage NamespaceSpec = new("NamespaceSpec",
        Strings(1, "finalizers"));

    public static readonly ProtoMessage Namespace = new("Namespace",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", NamespaceSpec),
        Ignored(3, "status"));

    public static readonly ProtoMessage ConfigMap = new("ConfigMap",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Map(2, "data", ProtoValueType.String),
        Map(3, "binaryData", ProtoValueType.Bytes),
        Bool(4, "immutable", @explicit: true));

    public static readonly ProtoMessage Secret = new("Secret",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Map(2, "data", ProtoValueType.Bytes),
        String(3, "type"),
        Map(4, "stringData", ProtoValueType.String),
        Bool(5, "immutable", @explicit: true));

    public static readonly ProtoMessage ServicePort = new("ServicePort",
        String(1, "name"),
        String(2, "protocol"),
        Int32(3, "port"),
        IntOrString(4, "targetPort"),
        Int32(5, "nodePort"),
        String(6, "appProtocol", @explicit: true));

    public static readonly ProtoMessage ServiceSpec = new("ServiceSpec",
        Objects(1, "ports", ServicePort),
        Map(2, "selector", ProtoValueType.String),
        String(3, "clusterIP"),
        String(4, "type"),
        Strings(5, "externalIPs"),
        String(7, "sessionAffinity"),
        String(8, "loadBalancerIP"),
        Strings(9, "loadBalancerSourceRanges"),
        String(10, "externalName"),
        String(11, "externalTrafficPolicy"),
        Int32(12, "healthCheckNodePort"),
        Bool(13, "publishNotReadyAddresses"),
        String(17, "ipFamilyPolicy", @explicit: true),
        Strings(18, "clusterIPs"),
        Strings(19, "ipFamilies"),
        Bool(20, "allocateLoadBalancerNodePorts", @explicit: true),
        String(21, "loadBalancerClass", @explicit: true),
        String(22, "internalTrafficPolicy", @explicit: true),
        String(23, "trafficDistribution", @explicit: true));

    public static readonly ProtoMessage Service = new("Service",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", ServiceSpec),
        Ignored(3, "status"));

    public static readonly ProtoMessage ContainerPort = new("ContainerPort",
        String(1, "name"),
        Int32(2, "hostPort"),
        Int32(3, "containerPort"),
        String(4, "protocol"),
        String(5, "hostIP"));

    public static readonly ProtoMessage LocalObjectReference = new("LocalObjectReference",
        String(1, "name"));

    public static readonly ProtoMessage TypedLocalObjectReference = new("TypedLocalObjectReference",
        String(1, "apiGroup", @explicit: true),
        String(2, "kind"),
        String(3, "name"));

    public static readonly ProtoMessage ObjectReference = new("ObjectReference",
        String(1, "kind"),
        String(2, "namespace"),
        String(3, "name"),
        String(4, "uid"),
        String(5, "apiVersion"),
        String(6, "resourceVersion"),
        String(7, "fieldPath"));

    public static readonly ProtoMessage ServiceAccount = new("ServiceAccount",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Objects(2, "secrets", ObjectReference),
        Objects(3, "imagePullSecrets", LocalObjectReference),
        Bool(4, "automountServiceAccountToken", @explicit: true));

    public static readonly ProtoMessage ObjectFieldSelector = new("ObjectFieldSelector",
        String(1, "apiVersion"),
        String(2, "fieldPath"));

    public static readonly ProtoMessage ResourceFieldSelector = new("ResourceFieldSelector",
        String(1, "containerName"),
        String(2, "resource"),
        Quantity(3, "divisor"));

    public static readonly ProtoMessage ConfigMapKeySelector = new("ConfigMapKeySelector",
        Embedded(1, LocalObjectReference),
        String(2, "key"),
        Bool(3, "optional", @explicit: true));

    public static readonly ProtoMessage SecretKeySelector = new("SecretKeySelector",
        Embedded(1, LocalObjectReference),
        String(2, "key"),
        Bool(3, "optional", @explicit: true));

    public static readonly ProtoMessage EnvVarSource = new("EnvVarSource",
        Object(1, "fieldRef", ObjectFieldSelector),
        Object(2, "resourceFieldRef", ResourceFieldSelector),
        Object(3, "configMapKeyRef", ConfigMapKeySelector),
        Object(4, "secretKeyRef", SecretKeySelector));

    public static readonly ProtoMessage EnvVar = new("EnvVar",
        String(1, "name"),
        String(2, "value"),
        Object(3, "valueFrom", EnvVarSource));

    public static readonly ProtoMessage ResourceClaim = new("ResourceClaim",
        String(1, "name"),
        String(2, "request"));

    public static readonly ProtoMessage ResourceRequirements = new("ResourceRequirements",
        Map(1, "limits", ProtoValueType.Quantity),
        Map(2, "requests", ProtoValueType.Quantity),
        Objects(3, "claims", ResourceClaim));

    public static readonly ProtoMessage Container = new("Container",
        String(1, "name"),
        String(2, "image"),
        Strings(3, "command"),
        Strings(4, "args"),
        String(5, "workingDir"),
        Objects(6, "ports", ContainerPort),
        Objects(7, "env", EnvVar),
        Object(8, "resources", ResourceRequirements),
        String(13, "terminationMessagePath"),
        String(14, "imagePullPolicy"),
        Bool(16, "stdin"),
        Bool(17, "stdinOnce"),
        Bool(18, "tty"),
        String(20, "terminationMessagePolicy"),
        String(24, "restartPolicy", @explicit: true));

    public static readonly ProtoMessage PodSpec = new("PodSpec",
        Objects(2, "containers", Container),
        String(3, "restartPolicy"),
        Int64(4, "terminationGracePeriodSeconds", @explicit: true),
        Int64(5, "activeDeadlineSeconds", @explicit: true),
        String(6, "dnsPolicy"),
        Map(7, "nodeSelector", ProtoValueType.String),
        String(8, "serviceAccountName"),
        String(9, "serviceAccount"),
        String(10, "nodeName"),
        Bool(11, "hostNetwork"),
        Bool(12, "hostPID"),
        Bool(13, "hostIPC"),
        Objects(15, "imagePullSecrets", LocalObjectReference),
        String(16, "hostname"),
        String(17, "subdomain"),
        String(19, "schedulerName"),
        Objects(20, "initContainers", Container),
        Bool(21, "automountServiceAccountToken", @explicit: true),
        String(24, "priorityClassName"),
        Int32(25, "priority", @explicit: true),
        Bool(27, "shareProcessNamespace", @explicit: true),
        String(29, "runtimeClassName", @explicit: true),
        Bool(30, "enableServiceLinks", @explicit: true),
        String(31, "preemptionPolicy", @explicit: true),
        Bool(35, "setHostnameAsFQDN", @explicit: true),
        Bool(37, "hostUsers", @explicit: true));

    public static readonly ProtoMessage PodTemplateSpec = new("PodTemplateSpec",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", PodSpec));

    public static readonly ProtoMessage Pod = new("Pod",
        Object(1, "metadata", MetaV1Messages.ObjectMeta),
        Object(2, "spec", PodSpec),
        Ignored(3, "status"));
}
