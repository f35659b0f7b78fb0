using System.Text.Json;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>The paths of one resource in the Swagger 2.0 document (see <see cref="OpenApiOperations"/>).</summary>
internal static class SwaggerPaths
{
    private static readonly string[] Produces = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];

    private static readonly string[] PatchConsumes =
    [
        "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml",
    ];

    public static void Write(Utf8JsonWriter w, OpenApiPath path)
    {
        w.WriteStartObject(path.Path);
        foreach (var operation in path.Operations)
        {
            Operation(w, operation);
        }

        w.WriteStartArray("parameters");
        foreach (var name in path.PathParameters)
        {
            Parameter(w, name, name == "pretty" ? "query" : "path", required: name != "pretty");
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Operation(Utf8JsonWriter w, OpenApiOperation operation)
    {
        w.WriteStartObject(operation.Method);
        Strings(w, "consumes", operation.IsPatch ? PatchConsumes : ["*/*"]);
        Strings(w, "produces", Produces);
        Strings(w, "schemes", ["https"]);
        Strings(w, "tags", [Tag(operation.Kind)]);
        w.WriteString("operationId", operation.OperationId);
        w.WriteStartArray("parameters");
        if (operation.RequestSchema is not null || operation.IsPatch)
        {
            w.WriteStartObject();
            w.WriteString("name", "body");
            w.WriteString("in", "body");
            w.WriteBoolean("required", true);
            w.WritePropertyName("schema");
            SchemaWriter.WriteRef(w, operation.IsPatch ? SchemaNames.Patch : operation.RequestSchema!, SchemaWriter.V2References);
            w.WriteEndObject();
        }

        foreach (var parameter in operation.QueryParameters)
        {
            Parameter(w, parameter, "query", required: false);
        }

        w.WriteEndArray();
        w.WriteStartObject("responses");
        w.WriteStartObject("200");
        w.WriteString("description", "OK");
        w.WritePropertyName("schema");
        SchemaWriter.WriteRef(w, operation.ResponseSchema, SchemaWriter.V2References);
        w.WriteEndObject();
        OpenApiOperations.WriteUnauthorizedAndExtensions(w, operation);
        w.WriteEndObject();
    }

    private static void Parameter(Utf8JsonWriter w, string name, string location, bool required)
    {
        w.WriteStartObject();
        w.WriteBoolean("uniqueItems", true);
        w.WriteString("type", OpenApiOperations.ParameterType(name));
        w.WriteString("description", OpenApiOperations.ParameterDescription(name));
        w.WriteString("name", name);
        w.WriteString("in", location);
        if (required)
        {
            w.WriteBoolean("required", true);
        }

        w.WriteEndObject();
    }

    /// <summary>core_v1, apps_v1, autoscaling_v1: how upstream tags operations.</summary>
    private static string Tag((string Group, string Version, string Kind) kind) => $"{(kind.Group.Length == 0 ? "core" : kind.Group)}_{kind.Version}";

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
