using static KubeRollout.Sandbox.Api.Requests.Protobuf.ProtoField;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>Field numbers from k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto.</summary>
internal static class MetaV1Messages
{
    /// <summary>Written to JSON as an RFC 3339 string (<see cref="ProtoValueType.Time"/>).</summary>
    public static readonly ProtoMessage Time = new("Time",
        Int64(1, "seconds"),
        Int32(2, "nanos"));

    public static readonly ProtoMessage OwnerReference = new("OwnerReference",
        String(5, "apiVersion"),
        String(1, "kind"),
        String(3, "name"),
        String(4, "uid"),
        Bool(6, "controller", @explicit: true),
        Bool(7, "blockOwnerDeletion", @explicit: true));

    public static readonly ProtoMessage ObjectMeta = new("ObjectMeta",
        String(1, "name"),
        String(2, "generateName"),
        String(3, "namespace"),
        String(4, "selfLink"),
        String(5, "uid"),
        String(6, "resourceVersion"),
        Int64(7, "generation"),
        Time(8, "creationTimestamp"),
        Time(9, "deletionTimestamp"),
        Int64(10, "deletionGracePeriodSeconds", @explicit: true),
        Map(11, "labels", ProtoValueType.String),
        Map(12, "annotations", ProtoValueType.String),
        Objects(13, "ownerReferences", OwnerReference),
        Strings(14, "finalizers"),
        Ignored(17, "managedFields"));

    public static readonly ProtoMessage LabelSelectorRequirement = new("LabelSelectorRequirement",
        String(1, "key"),
        String(2, "operator"),
        Strings(3, "values"));

    public static readonly ProtoMessage LabelSelector = new("LabelSelector",
        Map(1, "matchLabels", ProtoValueType.String),
        Objects(2, "matchExpressions", LabelSelectorRequirement));

    public static readonly ProtoMessage Preconditions = new("Preconditions",
        String(1, "uid", @explicit: true),
        String(2, "resourceVersion", @explicit: true));

    public static readonly ProtoMessage DeleteOptions = new("DeleteOptions",
        Int64(1, "gracePeriodSeconds", @explicit: true),
        Object(2, "preconditions", Preconditions),
        Bool(3, "orphanDependents", @explicit: true),
        String(4, "propagationPolicy", @explicit: true),
        Strings(5, "dryRun"),
        Bool(6, "ignoreStoreReadErrorWithClusterBreakingPotential", @explicit: true));
}
