using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Sandbox.Api.Discovery;
using KubeRollout.Sandbox.Registry;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>
/// The OpenAPI documents, generated from the registry and the KubernetesClient model types on first use:
/// <c>/openapi/v3</c> (the index of group-version documents) with one document per served group version, and the
/// single Swagger 2.0 document of <c>/openapi/v2</c> as JSON and as protobuf. kubectl and Helm read v2 when v3
/// does not answer for a kind (one the server does not serve): with it they report "no matches for kind".
/// </summary>
internal sealed class OpenApiDocuments
{
    private readonly Lazy<(byte[] Index, Dictionary<string, byte[]> Documents)> _v3 = new(BuildV3);
    private readonly Lazy<(byte[] Json, byte[] Protobuf)> _v2 = new(BuildV2);

    public byte[] Index => _v3.Value.Index;

    public byte[] V2Json => _v2.Value.Json;

    public byte[] V2Protobuf => _v2.Value.Protobuf;

    /// <summary>The document of <c>api/v1</c> or <c>apis/{group}/{version}</c>, or null.</summary>
    public byte[]? Document(string path) => _v3.Value.Documents.GetValueOrDefault(path);

    private static (byte[] Index, Dictionary<string, byte[]> Documents) BuildV3()
    {
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (group, version) in ResourceRegistry.Resources.Select(r => (r.Group, r.Version)).Distinct())
        {
            var path = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
            documents[path] = BuildV3Document(ResourceRegistry.All.Where(s => s.Resource.Group == group && s.Resource.Version == version).ToList());
        }

        var index = Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("paths");
            foreach (var (path, document) in documents)
            {
                w.WriteStartObject(path);
                w.WriteString("serverRelativeURL", $"/openapi/v3/{path}?hash={Convert.ToHexString(SHA512.HashData(document))}");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
        return (index, documents);
    }

    private static byte[] BuildV3Document(IReadOnlyList<ResourceStrategy> strategies) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("openapi", "3.0.0");
        WriteInfo(w);
        w.WriteStartObject("paths");
        foreach (var path in strategies.SelectMany(OpenApiOperations.Of))
        {
            OpenApiPaths.Write(w, path);
        }

        w.WriteEndObject();
        w.WriteStartObject("components");
        WriteSchemas(w, "schemas", strategies, SchemaWriter.V3References);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static (byte[] Json, byte[] Protobuf) BuildV2()
    {
        var json = Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("swagger", "2.0");
            WriteInfo(w);
            w.WriteStartObject("paths");
            foreach (var path in ResourceRegistry.All.SelectMany(OpenApiOperations.Of))
            {
                SwaggerPaths.Write(w, path);
            }

            w.WriteEndObject();
            WriteSchemas(w, "definitions", ResourceRegistry.All, SchemaWriter.V2References);
            w.WriteStartObject("securityDefinitions");
            w.WriteStartObject("BearerToken");
            w.WriteString("description", "Bearer Token authentication");
            w.WriteString("type", "apiKey");
            w.WriteString("name", "authorization");
            w.WriteString("in", "header");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("security");
            w.WriteStartObject();
            w.WriteStartArray("BearerToken");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return (json, SwaggerProtobuf.Encode(JsonNode.Parse(json)!.AsObject()));
    }

    private static void WriteInfo(Utf8JsonWriter w)
    {
        w.WriteStartObject("info");
        w.WriteString("title", "Kubernetes");
        w.WriteString("version", ServerVersion.GitVersion);
        w.WriteEndObject();
    }

    /// <summary>The schemas of every model type the resources reach, with the kinds each serves as.</summary>
    private static void WriteSchemas(Utf8JsonWriter w, string property, IEnumerable<ResourceStrategy> strategies, string references)
    {
        var components = new SortedDictionary<string, (Type Type, List<(string, string, string)> Kinds)>(StringComparer.Ordinal);
        void Add(Type type, (string, string, string)? kind = null)
        {
            foreach (var reachable in SchemaNames.ObjectTypesReachableFrom(type))
            {
                var name = SchemaNames.For(reachable);
                if (!components.TryGetValue(name, out var entry))
                {
                    entry = (reachable, []);
                    components[name] = entry;
                }

                if (reachable == type && kind is { } k && !entry.Kinds.Contains(k))
                {
                    entry.Kinds.Add(k);
                }
            }
        }

        foreach (var strategy in strategies)
        {
            var resource = strategy.Resource;
            Add(resource.ModelType, SchemaWriter.Gvk(resource));
            if (SchemaNames.ListType(resource) is { } listType)
            {
                Add(listType, (resource.Group, resource.Version, resource.ListKind));
            }

            if (strategy.Subresources.Contains("scale"))
            {
                Add(typeof(V1Scale), ("autoscaling", "v1", "Scale"));
            }
        }

        Add(typeof(V1Status), (string.Empty, "v1", "Status"));
        Add(typeof(V1DeleteOptions), (string.Empty, "v1", "DeleteOptions"));

        w.WriteStartObject(property);
        foreach (var (name, (type, kinds)) in components)
        {
            w.WritePropertyName(name);
            SchemaWriter.WriteComponent(w, type, kinds, references);
        }

        SchemaWriter.WriteScalarComponents(w);
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
