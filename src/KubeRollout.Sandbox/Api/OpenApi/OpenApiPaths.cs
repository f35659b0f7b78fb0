using System.Text.Json;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>The paths of one resource in an OpenAPI v3 document (see <see cref="OpenApiOperations"/>).</summary>
internal static class OpenApiPaths
{
    private static readonly string[] PatchContentTypes =
    [
        "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json",
    ];

    public static void Write(Utf8JsonWriter w, OpenApiPath path)
    {
        w.WriteStartObject(path.Path);
        foreach (var operation in path.Operations)
        {
            Operation(w, operation);
        }

        PathParameters(w, path.PathParameters);
        w.WriteEndObject();
    }

    private static void Operation(Utf8JsonWriter w, OpenApiOperation operation)
    {
        w.WriteStartObject(operation.Method);
        w.WriteString("operationId", operation.OperationId);
        w.WriteStartArray("parameters");
        foreach (var parameter in operation.QueryParameters)
        {
            w.WriteStartObject();
            w.WriteString("name", parameter);
            w.WriteString("in", "query");
            w.WriteString("description", OpenApiOperations.ParameterDescription(parameter));
            w.WriteStartObject("schema");
            w.WriteString("type", OpenApiOperations.ParameterType(parameter));
            w.WriteBoolean("uniqueItems", true);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (operation.RequestSchema is not null || operation.IsPatch)
        {
            w.WriteStartObject("requestBody");
            w.WriteStartObject("content");
            foreach (var contentType in operation.IsPatch ? PatchContentTypes : ["*/*"])
            {
                w.WriteStartObject(contentType);
                w.WritePropertyName("schema");
                SchemaWriter.WriteRef(w, operation.IsPatch ? SchemaNames.Patch : operation.RequestSchema!, SchemaWriter.V3References);
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
        SchemaWriter.WriteRef(w, operation.ResponseSchema, SchemaWriter.V3References);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        OpenApiOperations.WriteUnauthorizedAndExtensions(w, operation);
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
            w.WriteString("description", OpenApiOperations.ParameterDescription(name));
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
}
