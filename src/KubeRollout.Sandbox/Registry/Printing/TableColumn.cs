using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Printing;

/// <summary>
/// One column of a server-side printed table. Priority 0 columns are what <c>kubectl get</c> shows; priority 1 columns
/// are added by <c>-o wide</c>.
/// </summary>
public sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "")
{
    public const string NameDescription =
        "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    public const string AgeDescription =
        "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public static TableColumn ObjectName() => new("Name", "string", NameDescription, Format: "name");

    public static TableColumn Age() => new("Age", "string", AgeDescription);

    public static TableColumn Containers() => new("Containers", "string", "Names of each container in the template.", 1);

    public static TableColumn Images() => new("Images", "string", "Images referenced by each container in the template.", 1);
}
