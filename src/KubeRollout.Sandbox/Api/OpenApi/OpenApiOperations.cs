using System.Text.Json;
using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>One operation of a path: what both OpenAPI versions describe, each in its own form.</summary>
internal sealed record OpenApiOperation(
    string Method,
    string OperationId,
    string Action,
    (string Group, string Version, string Kind) Kind,
    string ResponseSchema,
    IReadOnlyList<string> QueryParameters,
    string? RequestSchema = null,
    bool IsPatch = false);

/// <summary>A path with its operations and the parameters common to them.</summary>
internal sealed record OpenApiPath(string Path, IReadOnlyList<OpenApiOperation> Operations, IReadOnlyList<string> PathParameters);

/// <summary>
/// The operations the API serves for one resource, named as upstream names them (listAppsV1NamespacedDeployment,
/// patchCoreV1Namespace, …). The PATCH operations declare <c>fieldValidation</c>, which is how kubectl decides to
/// leave validation to the server (--validate=strict).
/// </summary>
internal static class OpenApiOperations
{
    public const string StatusSchema = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";

    private static readonly string[] ListParameters = ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "timeoutSeconds", "watch", "allowWatchBookmarks"];
    private static readonly string[] WriteParameters = ["dryRun", "fieldManager", "fieldValidation"];
    private static readonly string[] PatchParameters = ["dryRun", "fieldManager", "fieldValidation", "force"];
    private static readonly string[] DeleteParameters = ["dryRun", "gracePeriodSeconds", "propagationPolicy"];

    /// <summary>The operations of the verbs the resource serves, grouped by path.</summary>
    public static IEnumerable<OpenApiPath> Of(ResourceStrategy strategy) =>
        All(strategy)
            .Select(path => path with { Operations = path.Operations.Where(o => strategy.Verbs.Contains(Verb(o.Action))).ToList() })
            .Where(path => path.Operations.Count > 0);

    /// <summary>The discovery verb of an operation's action.</summary>
    private static string Verb(string action) => action switch
    {
        "post" => "create",
        "put" => "update",
        _ => action,
    };

    private static IEnumerable<OpenApiPath> All(ResourceStrategy strategy)
    {
        var resource = strategy.Resource;
        var prefix = resource.Group.Length == 0 ? "/api/v1" : $"/apis/{resource.Group}/{resource.Version}";
        var scope = resource.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}" : $"{prefix}/{resource.Plural}";
        var kind = (resource.Group, resource.Version, resource.Kind);
        var objectSchema = SchemaNames.For(resource.ModelType);
        var listSchema = SchemaNames.ListType(resource) is { } listType ? SchemaNames.For(listType) : objectSchema;
        var id = OperationSuffix(resource) + (resource.Namespaced ? "Namespaced" : string.Empty) + resource.Kind;
        string[] scopeParameters = resource.Namespaced ? ["namespace", "pretty"] : ["pretty"];
        string[] itemParameters = resource.Namespaced ? ["name", "namespace", "pretty"] : ["name", "pretty"];

        yield return new OpenApiPath(scope,
        [
            new("get", $"list{id}", "list", kind, listSchema, ListParameters),
            new("post", $"create{id}", "post", kind, objectSchema, WriteParameters, RequestSchema: objectSchema),
            new("delete", $"deletecollection{id}", "deletecollection", kind, StatusSchema, ["labelSelector", "fieldSelector", .. DeleteParameters]),
        ], scopeParameters);

        yield return new OpenApiPath($"{scope}/{{name}}",
        [
            new("get", $"read{id}", "get", kind, objectSchema, []),
            new("put", $"replace{id}", "put", kind, objectSchema, WriteParameters, RequestSchema: objectSchema),
            new("patch", $"patch{id}", "patch", kind, objectSchema, PatchParameters, IsPatch: true),
            new("delete", $"delete{id}", "delete", kind, objectSchema, DeleteParameters),
        ], itemParameters);

        foreach (var subresource in strategy.Subresources.Where(s => s != "finalize"))
        {
            var isScale = subresource == "scale";
            var subKind = isScale ? ("autoscaling", "v1", "Scale") : kind;
            var subSchema = isScale ? SchemaNames.For(typeof(V1Scale)) : objectSchema;
            var subName = isScale ? "Scale" : "Status";
            yield return new OpenApiPath($"{scope}/{{name}}/{subresource}",
            [
                new("get", $"read{id}{subName}", "get", subKind, subSchema, []),
                new("put", $"replace{id}{subName}", "put", subKind, subSchema, WriteParameters, RequestSchema: subSchema),
                new("patch", $"patch{id}{subName}", "patch", subKind, subSchema, PatchParameters, IsPatch: true),
            ], itemParameters);
        }

        if (resource.Namespaced)
        {
            yield return new OpenApiPath($"{prefix}/{resource.Plural}",
                [new("get", $"list{OperationSuffix(resource)}{resource.Kind}ForAllNamespaces", "list", kind, listSchema, ListParameters)],
                ["pretty"]);
        }
    }

    /// <summary>
    /// What both versions end an operation with: the 401 response (closing "responses") and the extensions kubectl
    /// looks operations up by (x-kubernetes-action, x-kubernetes-group-version-kind).
    /// </summary>
    public static void WriteUnauthorizedAndExtensions(Utf8JsonWriter w, OpenApiOperation operation)
    {
        w.WriteStartObject("401");
        w.WriteString("description", "Unauthorized");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("x-kubernetes-action", operation.Action);
        w.WriteStartObject("x-kubernetes-group-version-kind");
        w.WriteString("group", operation.Kind.Group);
        w.WriteString("kind", operation.Kind.Kind);
        w.WriteString("version", operation.Kind.Version);
        w.WriteEndObject();
    }

    /// <summary>The JSON type of a query or path parameter.</summary>
    public static string ParameterType(string name) => name switch
    {
        "watch" or "allowWatchBookmarks" or "force" => "boolean",
        "limit" or "timeoutSeconds" or "gracePeriodSeconds" => "integer",
        _ => "string",
    };

    public static string ParameterDescription(string name) => name switch
    {
        "fieldValidation" => "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.",
        "dryRun" => "When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed",
        "fieldManager" => "fieldManager is a name associated with the actor or entity that is making these changes.",
        "force" => "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.",
        "name" => "name of the resource",
        "namespace" => "object name and auth scope, such as for teams and projects",
        "pretty" => "If 'true', then the output is pretty printed.",
        _ => name,
    };

    /// <summary>CoreV1, AppsV1: the middle of the upstream operation ids.</summary>
    private static string OperationSuffix(ResourceType resource) =>
        (resource.Group.Length == 0 ? "Core" : char.ToUpperInvariant(resource.Group[0]) + resource.Group[1..]) + char.ToUpperInvariant(resource.Version[0]) + resource.Version[1..];
}
