using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Schema;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>
/// The component names of model types, in the API server's style (<c>io.k8s.api.apps.v1.Deployment</c>,
/// <c>io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta</c>). A type that is not a resource belongs to the package
/// of the first resource that uses it, core before apps, which puts pod specs in core as upstream does.
/// </summary>
internal static class SchemaNames
{
    public const string Time = "io.k8s.apimachinery.pkg.apis.meta.v1.Time";
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string Patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    private const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1";

    private static readonly HashSet<Type> MetaTypes =
    [
        typeof(V1ObjectMeta), typeof(V1ListMeta), typeof(V1LabelSelector), typeof(V1LabelSelectorRequirement), typeof(V1OwnerReference),
        typeof(V1ManagedFieldsEntry), typeof(V1Condition), typeof(V1DeleteOptions), typeof(V1Preconditions), typeof(V1Status),
        typeof(V1StatusDetails), typeof(V1StatusCause),
    ];

    private static readonly Lazy<Dictionary<Type, string>> Names = new(Assign);

    public static string For(Type type) => Names.Value.TryGetValue(type, out var name) ? name : $"io.k8s.api.core.v1.{ShortName(type)}";

    /// <summary>V1DeploymentSpec → DeploymentSpec, Corev1Event → Event, Discoveryv1EndpointPort → EndpointPort.</summary>
    public static string ShortName(Type type) => GroupVersionPrefix.Replace(type.Name, string.Empty, 1);

    // KubernetesClient prefixes a type with its version (V1…), or with group and version (Corev1…, Discoveryv1…)
    // where two groups have a type of the same name.
    private static readonly System.Text.RegularExpressions.Regex GroupVersionPrefix = new("^(?:[A-Z][a-z]*)?[vV][0-9]+(?:(?:alpha|beta)[0-9]+)?(?=[A-Z])", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static Dictionary<Type, string> Assign()
    {
        var names = new Dictionary<Type, string>();
        foreach (var resource in ResourceRegistry.Resources.OrderBy(r => r.Group.Length))
        {
            var package = Package(resource);
            foreach (var type in ObjectTypesReachableFrom(resource.ModelType))
            {
                names.TryAdd(type, MetaTypes.Contains(type) ? $"{MetaPackage}.{ShortName(type)}" : $"{package}.{ShortName(type)}");
            }

            if (ListType(resource) is { } listType)
            {
                names.TryAdd(listType, $"{package}.{ShortName(listType)}");
            }
        }

        names.TryAdd(typeof(V1Scale), "io.k8s.api.autoscaling.v1.Scale");
        names.TryAdd(typeof(V1ScaleSpec), "io.k8s.api.autoscaling.v1.ScaleSpec");
        names.TryAdd(typeof(V1ScaleStatus), "io.k8s.api.autoscaling.v1.ScaleStatus");
        foreach (var type in MetaTypes)
        {
            names.TryAdd(type, $"{MetaPackage}.{ShortName(type)}");
        }

        return names;
    }

    /// <summary>The Go package of a resource's types: io.k8s.api.apps.v1, io.k8s.api.core.v1, and apiextensions' own.</summary>
    private static string Package(ResourceType resource) => resource.Group switch
    {
        "" => $"io.k8s.api.core.{resource.Version}",
        "apiextensions.k8s.io" => $"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.{resource.Version}",
        // networking.k8s.io → io.k8s.api.networking.v1, as the Go packages are named.
        var group => $"io.k8s.api.{(group.EndsWith(".k8s.io", StringComparison.Ordinal) ? group[..group.IndexOf('.', StringComparison.Ordinal)] : group)}.{resource.Version}",
    };

    /// <summary>The KubernetesClient list type of a resource (V1DeploymentList, Corev1EventList, …).</summary>
    public static Type? ListType(ResourceType resource) =>
        resource.ModelType.Assembly.GetType($"{resource.ModelType.FullName}List");

    /// <summary>Every object type reachable from <paramref name="root"/>, itself included.</summary>
    public static IEnumerable<Type> ObjectTypesReachableFrom(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<ModelShape>();
        pending.Push(ModelShape.Of(root));
        while (pending.Count > 0)
        {
            var shape = pending.Pop();
            switch (shape.Kind)
            {
                case ShapeKind.Struct when seen.Add(shape.Model!):
                    yield return shape.Model!;
                    foreach (var field in shape.Fields.Values)
                    {
                        pending.Push(field.Shape);
                    }

                    break;
                case ShapeKind.List or ShapeKind.Map:
                    pending.Push(shape.Element!);
                    break;
            }
        }
    }
}
