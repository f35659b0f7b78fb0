using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Api.Protobuf;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>
/// The Swagger 2.0 document as gnostic's <c>openapi.v2.Document</c> message
/// (application/com.github.proto-openapi.spec.v2@v1.0+protobuf), which kubectl and Helm ask /openapi/v2 for.
/// Maps are ordered lists of named entries; vendor extensions carry their value as YAML (JSON is YAML).
/// Field numbers are those of gnostic's OpenAPIv2.proto; only what <see cref="SwaggerPaths"/> and
/// <see cref="SchemaWriter"/> produce is encoded.
/// </summary>
internal static class SwaggerProtobuf
{
    private static readonly Dictionary<string, int> PathItemOperations = new(StringComparer.Ordinal)
    {
        ["get"] = 2, ["put"] = 3, ["post"] = 4, ["delete"] = 5, ["patch"] = 8,
    };

    public static byte[] Encode(JsonObject document)
    {
        var w = new ProtoWriter().String(1, (string)document["swagger"]!);
        w.Message(2, info => info.String(1, (string)document["info"]!["title"]!).String(2, (string)document["info"]!["version"]!));
        w.Message(8, paths =>
        {
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                paths.Message(2, named => named.String(1, path).Message(2, p => PathItem(p, item!.AsObject())));
            }
        });
        w.Message(9, definitions =>
        {
            foreach (var (name, schema) in document["definitions"]!.AsObject())
            {
                definitions.Message(1, named => named.String(1, name).Message(2, s => Schema(s, schema!.AsObject())));
            }
        });
        foreach (var requirement in document["security"]!.AsArray())
        {
            w.Message(12, security =>
            {
                foreach (var (name, scopes) in requirement!.AsObject())
                {
                    security.Message(1, named => named.String(1, name).Message(2, list => Strings(list, 1, scopes)));
                }
            });
        }

        w.Message(13, definitions =>
        {
            foreach (var (name, scheme) in document["securityDefinitions"]!.AsObject())
            {
                definitions.Message(1, named => named.String(1, name).Message(2, item => item.Message(2, apiKey => apiKey
                    .String(1, (string)scheme!["type"]!)
                    .String(2, (string)scheme["name"]!)
                    .String(3, (string)scheme["in"]!)
                    .String(4, (string)scheme["description"]!))));
            }
        });
        return w.ToArray();
    }

    private static void PathItem(ProtoWriter w, JsonObject item)
    {
        foreach (var (method, operation) in item)
        {
            if (PathItemOperations.TryGetValue(method, out var field))
            {
                w.Message(field, o => Operation(o, operation!.AsObject()));
            }
        }

        foreach (var parameter in item["parameters"]?.AsArray() ?? [])
        {
            w.Message(9, p => Parameter(p, parameter!.AsObject()));
        }
    }

    private static void Operation(ProtoWriter w, JsonObject operation)
    {
        Strings(w, 1, operation["tags"]);
        w.String(5, (string)operation["operationId"]!);
        Strings(w, 6, operation["produces"]);
        Strings(w, 7, operation["consumes"]);
        foreach (var parameter in operation["parameters"]!.AsArray())
        {
            w.Message(8, p => Parameter(p, parameter!.AsObject()));
        }

        w.Message(9, responses =>
        {
            foreach (var (code, response) in operation["responses"]!.AsObject())
            {
                responses.Message(1, named => named.String(1, code).Message(2, value => value.Message(1, r =>
                {
                    r.String(1, (string)response!["description"]!);
                    if (response["schema"] is JsonObject schema)
                    {
                        r.Message(2, item => item.Message(1, s => Schema(s, schema)));
                    }
                })));
            }
        });
        Strings(w, 10, operation["schemes"]);
        VendorExtensions(w, 13, operation);
    }

    /// <summary>A ParametersItem holding a Parameter: a body parameter, or a query or path parameter.</summary>
    private static void Parameter(ProtoWriter w, JsonObject parameter) => w.Message(1, p =>
    {
        var location = (string)parameter["in"]!;
        if (location == "body")
        {
            p.Message(1, body => body
                .String(2, (string)parameter["name"]!)
                .String(3, location)
                .Bool(4, true)
                .Message(5, s => Schema(s, parameter["schema"]!.AsObject())));
            return;
        }

        var required = (bool?)parameter["required"] ?? false;
        var description = (string?)parameter["description"] ?? string.Empty;
        p.Message(2, nonBody => nonBody.Message(location == "path" ? 4 : 3, sub =>
        {
            sub.Bool(1, required).String(2, location).String(3, description).String(4, (string)parameter["name"]!);
            if (location == "path")
            {
                sub.String(5, (string)parameter["type"]!).Bool(19, true);
            }
            else
            {
                sub.String(6, (string)parameter["type"]!).Bool(20, true);
            }
        }));
    });

    private static void Schema(ProtoWriter w, JsonObject schema)
    {
        if ((string?)schema["$ref"] is { } reference)
        {
            w.String(1, reference);
        }

        if ((string?)schema["format"] is { } format)
        {
            w.String(2, format);
        }

        if ((string?)schema["description"] is { } description)
        {
            w.String(4, description);
        }

        Strings(w, 19, schema["required"]);
        switch (schema["additionalProperties"])
        {
            case JsonObject additional:
                w.Message(21, item => item.Message(1, s => Schema(s, additional)));
                break;
            case JsonValue flag:
                w.Message(21, item => item.Bool(2, (bool)flag));
                break;
        }

        if ((string?)schema["type"] is { } type)
        {
            w.Message(22, t => t.String(1, type));
        }

        if (schema["items"] is JsonObject items)
        {
            w.Message(23, i => i.Message(1, s => Schema(s, items)));
        }

        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            w.Message(24, s => Schema(s, part!.AsObject()));
        }

        if (schema["properties"] is JsonObject properties)
        {
            w.Message(25, p =>
            {
                foreach (var (name, property) in properties)
                {
                    p.Message(1, named => named.String(1, name).Message(2, s => Schema(s, property!.AsObject())));
                }
            });
        }

        VendorExtensions(w, 31, schema);
    }

    private static void VendorExtensions(ProtoWriter w, int field, JsonObject owner)
    {
        foreach (var (name, value) in owner)
        {
            if (name.StartsWith("x-", StringComparison.Ordinal))
            {
                w.Message(field, named => named.String(1, name).Message(2, any => any.String(2, value!.ToJsonString() + "\n")));
            }
        }
    }

    private static void Strings(ProtoWriter w, int field, JsonNode? values)
    {
        foreach (var value in values?.AsArray() ?? [])
        {
            w.String(field, (string)value!);
        }
    }
}
