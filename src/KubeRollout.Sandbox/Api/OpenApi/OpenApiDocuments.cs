using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using KubeRollout.Sandbox.Api.Discovery;
using KubeRollout.Sandbox.Registry;

namespace KubeRollout.Sandbox.Api.OpenApi;

/// <summary>
/// <c>/openapi/v3</c> (the index of group-version documents) and one document per served group version, with its
/// paths and the component schemas generated from the KubernetesClient model types. Built once, on first use.
/// </summary>
internal sealed class OpenApiDocuments
{
    private readonly Lazy<(byte[] Index, Dictionary<string, byte[]> Documents)> _documents = new(Build);

    public byte[] Index => _documents.Value.Index;

    /// <summary>The document of <c>api/v1</c> or <c>apis/{group}/{version}</c>, or null.</summary>
    public byte[]? Document(string path) => _documents.Value.Documents.GetValueOrDefault(path);

    private static (byte[] Index, Dictionary<string, byte[]> Documents) Build()
    {
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (group, version) in ResourceRegistry.Resources.Select(r => (r.Group, r.Version)).Distinct())
        {
            var path = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
            documents[path] = BuildDocument(group, version);
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

    private static byte[] BuildDocument(string group, string version)
    {
        var strategies = ResourceRegistry.All.Where(s => s.Resource.Group == group && s.Resource.Version == version).ToList();
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
                Add(typeof(k8s.Models.V1Scale), ("autoscaling", "v1", "Scale"));
            }
        }

        Add(typeof(k8s.Models.V1Status), (string.Empty, "v1", "Status"));
        Add(typeof(k8s.Models.V1DeleteOptions), (string.Empty, "v1", "DeleteOptions"));

        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("openapi", "3.0.0");
            w.WriteStartObject("info");
            w.WriteString("title", "Kubernetes");
            w.WriteString("version", ServerVersion.GitVersion);
            w.WriteEndObject();
            w.WriteStartObject("paths");
            foreach (var strategy in strategies)
            {
                OpenApiPaths.Write(w, strategy);
            }

            w.WriteEndObject();
            w.WriteStartObject("components");
            w.WriteStartObject("schemas");
            foreach (var (name, (type, kinds)) in components)
            {
                w.WritePropertyName(name);
                SchemaWriter.WriteComponent(w, type, kinds);
            }

            SchemaWriter.WriteScalarComponents(w);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
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
