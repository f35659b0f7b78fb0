using System.Text.Json;
using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>
/// The operations of one resource in an OpenAPI v3 document. The PATCH operations declare <c>fieldValidation</c>,
/// which is how kubectl decides to leave validation to the server (--validate=strict).
/// </summary>
internal static class OpenApiPaths
{
    private static readonly string[] PatchContentTypes =
    [
        "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json",
    ];

    public static void Write(Utf8JsonWriter w, ResourceStrategy strategy)
    {
        var resource = strategy.Resource;
        var prefix = resource.Group.Length == 0 ? "/api/v1" : $"/apis/{resource.Group}/{resource.Version}";
        var scope = resource.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}" : $"{prefix}/{resource.Plural}";
        var kind = (resource.Group, resource.Version, resource.Kind);
        var objectSchema = SchemaNames.For(resource.ModelType);
        var listSchema = SchemaNames.ListType(resource) is { } listType ? SchemaNames.For(listType) : objectSchema;
        var operationSuffix = OperationSuffix(resource);
        var namespaced = resource.Namespaced ? "Namespaced" : string.Empty;

        w.WriteStartObject(scope);
        Operation(w, "get", $"list{operationSuffix}{namespaced}{resource.Kind}", "list", kind, listSchema, ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "timeoutSeconds", "watch", "allowWatchBookmarks"]);
        Operation(w, "post", $"create{operationSuffix}{namespaced}{resource.Kind}", "post", kind, objectSchema, ["dryRun", "fieldManager", "fieldValidation"], requestBody: objectSchema);
        Operation(w, "delete", $"deletecollection{operationSuffix}{namespaced}{resource.Kind}", "deletecollection", kind, "io.k8s.apimachinery.pkg.apis.meta.v1.Status", ["labelSelector", "fieldSelector", "dryRun", "gracePeriodSeconds", "propagationPolicy"]);
        PathParameters(w, resource.Namespaced ? ["namespace", "pretty"] : ["pretty"]);
        w.WriteEndObject();

        w.WriteStartObject($"{scope}/{{name}}");
        Operation(w, "get", $"read{operationSuffix}{namespaced}{resource.Kind}", "get", kind, objectSchema, []);
        Operation(w, "put", $"replace{operationSuffix}{namespaced}{resource.Kind}", "put", kind, objectSchema, ["dryRun", "fieldManager", "fieldValidation"], requestBody: objectSchema);
        Operation(w, "patch", $"patch{operationSuffix}{namespaced}{resource.Kind}", "patch", kind, objectSchema, ["dryRun", "fieldManager", "fieldValidation", "force"], patch: true);
        Operation(w, "delete", $"delete{operationSuffix}{namespaced}{resource.Kind}", "delete", kind, objectSchema, ["dryRun", "gracePeriodSeconds", "propagationPolicy"]);
        PathParameters(w, resource.Namespaced ? ["name", "namespace", "pretty"] : ["name", "pretty"]);
        w.WriteEndObject();

        foreach (var subresource in strategy.Subresources.Where(s => s != "finalize"))
        {
            var isScale = subresource == "scale";
            var subKind = isScale ? ("autoscaling", "v1", "Scale") : kind;
            var subSchema = isScale ? SchemaNames.For(typeof(V1Scale)) : objectSchema;
            var subName = isScale ? "Scale" : "Status";
            w.WriteStartObject($"{scope}/{{name}}/{subresource}");
            Operation(w, "get", $"read{operationSuffix}{namespaced}{resource.Kind}{subName}", "get", subKind, subSchema, []);
            Operation(w, "put", $"replace{operationSuffix}{namespaced}{resource.Kind}{subName}", "put", subKind, subSchema, ["dryRun", "fieldManager", "fieldValidation"], requestBody: subSchema);
            Operation(w, "patch", $"patch{operationSuffix}{namespaced}{resource.Kind}{subName}", "patch", subKind, subSchema, ["dryRun", "fieldManager", "fieldValidation", "force"], patch: true);
            PathParameters(w, resource.Namespaced ? ["name", "namespace", "pretty"] : ["name", "pretty"]);
            w.WriteEndObject();
        }

        if (resource.Namespaced)
        {
            w.WriteStartObject($"{prefix}/{resource.Plural}");
            Operation(w, "get", $"list{operationSuffix}{resource.Kind}ForAllNamespaces", "list", kind, listSchema, ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "timeoutSeconds", "watch", "allowWatchBookmarks"]);
            PathParameters(w, ["pretty"]);
            w.WriteEndObject();
        }
    }

    /// <summary>CoreV1, AppsV1: the middle of the upstream operation ids.</summary>
    private static string OperationSuffix(ResourceType resource) =>
        (resource.Group.Length == 0 ? "Core" : char.ToUpperInvariant(resource.Group[0]) + resource.Group[1..]) + char.ToUpperInvariant(resource.Version[0]) + resource.Version[1..];

    private static void Operation(
        Utf8JsonWriter w,
        string method,
        string operationId,
        string action,
        (string Group, string Version, string Kind) kind,
        string responseSchema,
        IReadOnlyList<string> queryParameters,
        string? requestBody = null,
        bool patch = false)
    {
        w.WriteStartObject(method);
        w.WriteString("operationId", operationId);
        w.WriteStartArray("parameters");
        foreach (var parameter in queryParameters)
        {
            w.WriteStartObject();
            w.WriteString("name", parameter);
            w.WriteString("in", "query");
            w.WriteString("description", ParameterDescription(parameter));
            w.WriteStartObject("schema");
            w.WriteString("type", parameter is "watch" or "allowWatchBookmarks" or "force" ? "boolean" : parameter is "limit" or "timeoutSeconds" or "gracePeriodSeconds" ? "integer" : "string");
            w.WriteBoolean("uniqueItems", true);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (requestBody is not null || patch)
        {
            w.WriteStartObject("requestBody");
            w.WriteStartObject("content");
            foreach (var contentType in patch ? PatchContentTypes : ["*/*"])
            {
                w.WriteStartObject(contentType);
                w.WritePropertyName("schema");
                SchemaWriter.WriteRef(w, patch ? SchemaNames.Patch : requestBody!);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteBoolean("required", true);
            w.WriteEndObject();
        }

        w.WriteStartObject("responses");
        w.WriteStartObject("200");
        w.WriteString("description", "OK");
        w.WriteStartObject("content");
        w.WriteStartObject("application/json");
        w.WritePropertyName("schema");
        SchemaWriter.WriteRef(w, responseSchema);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("401");
        w.WriteString("description", "Unauthorized");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("x-kubernetes-action", action);
        w.WriteStartObject("x-kubernetes-group-version-kind");
        w.WriteString("group", kind.Group);
        w.WriteString("version", kind.Version);
        w.WriteString("kind", kind.Kind);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void PathParameters(Utf8JsonWriter w, IReadOnlyList<string> names)
    {
        w.WriteStartArray("parameters");
        foreach (var name in names)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("in", name == "pretty" ? "query" : "path");
            w.WriteString("description", ParameterDescription(name));
            if (name != "pretty")
            {
                w.WriteBoolean("required", true);
            }

            w.WriteStartObject("schema");
            w.WriteString("type", "string");
            w.WriteBoolean("uniqueItems", true);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string ParameterDescription(string name) => name switch
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
}
