using System.Buffers;
using System.Text.Json;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Discovery;

/// <summary>
/// The discovery documents, generated once from <see cref="ResourceRegistry"/>: <c>/version</c>, <c>/api</c>,
/// <c>/apis</c>, <c>/apis/{group}</c>, the APIResourceLists of each group version, and the aggregated
/// (apidiscovery.k8s.io/v2) forms of <c>/api</c> and <c>/apis</c> that kubectl asks for first.
/// </summary>
internal sealed class DiscoveryDocuments
{
    public const string AggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";


    private readonly Dictionary<(string Group, string Version), byte[]> _resourceLists = new();
    private readonly Dictionary<string, byte[]> _groups = new(StringComparer.Ordinal);

    public DiscoveryDocuments(string serverAddress)
    {
        Version = Build(WriteVersion);
        CoreVersions = Build(w => WriteCoreVersions(w, serverAddress));
        GroupList = Build(WriteGroupList);
        AggregatedCore = Build(w => WriteAggregated(w, core: true));
        AggregatedGroups = Build(w => WriteAggregated(w, core: false));
        foreach (var group in NamedGroups())
        {
            _groups[group] = Build(w => WriteGroup(w, group));
        }

        foreach (var groupVersion in ResourceRegistry.Resources.Select(r => (r.Group, r.Version)).Distinct())
        {
            _resourceLists[groupVersion] = Build(w => WriteResourceList(w, groupVersion.Group, groupVersion.Version));
        }
    }

    public byte[] Version { get; }

    public byte[] CoreVersions { get; }

    public byte[] GroupList { get; }

    public byte[] AggregatedCore { get; }

    public byte[] AggregatedGroups { get; }

    public byte[]? Group(string name) => _groups.GetValueOrDefault(name);

    public byte[]? ResourceList(string group, string version) => _resourceLists.GetValueOrDefault((group, version));

    /// <summary>True when the Accept header asks for aggregated discovery before anything else.</summary>
    public static bool WantsAggregated(string? accept) =>
        accept is not null
        && accept.Split(',').FirstOrDefault() is { } first
        && first.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal)
        && first.Contains("v=v2", StringComparison.Ordinal)
        && !first.Contains("v=v2beta1", StringComparison.Ordinal);

    private static IEnumerable<string> NamedGroups() => ResourceRegistry.Resources.Select(r => r.Group).Where(g => g.Length > 0).Distinct();

    private static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteVersion(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("major", ServerVersion.Major);
        w.WriteString("minor", ServerVersion.Minor);
        w.WriteString("emulationMajor", ServerVersion.Major);
        w.WriteString("emulationMinor", ServerVersion.Minor);
        w.WriteString("minCompatibilityMajor", ServerVersion.Major);
        w.WriteString("minCompatibilityMinor", "34");
        w.WriteString("gitVersion", ServerVersion.GitVersion);
        w.WriteString("gitCommit", ServerVersion.GitCommit);
        w.WriteString("gitTreeState", "clean");
        w.WriteString("buildDate", ServerVersion.BuildDate);
        w.WriteString("goVersion", ServerVersion.GoVersion);
        w.WriteString("compiler", "gc");
        w.WriteString("platform", "linux/amd64");
        w.WriteEndObject();
    }

    private static void WriteCoreVersions(Utf8JsonWriter w, string serverAddress)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIVersions");
        w.WriteStartArray("versions");
        w.WriteStringValue("v1");
        w.WriteEndArray();
        w.WriteStartArray("serverAddressByClientCIDRs");
        w.WriteStartObject();
        w.WriteString("clientCIDR", "0.0.0.0/0");
        w.WriteString("serverAddress", serverAddress);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteGroupList(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroupList");
        w.WriteString("apiVersion", "v1");
        w.WriteStartArray("groups");
        foreach (var group in NamedGroups())
        {
            WriteGroupBody(w, group);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, string group)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroup");
        w.WriteString("apiVersion", "v1");
        WriteGroupFields(w, group);
        w.WriteEndObject();
    }

    private static void WriteGroupBody(Utf8JsonWriter w, string group)
    {
        w.WriteStartObject();
        WriteGroupFields(w, group);
        w.WriteEndObject();
    }

    private static void WriteGroupFields(Utf8JsonWriter w, string group)
    {
        var versions = ResourceRegistry.Resources.Where(r => r.Group == group).Select(r => r.Version).Distinct().ToList();
        w.WriteString("name", group);
        w.WriteStartArray("versions");
        foreach (var version in versions)
        {
            WriteGroupVersion(w, group, version);
        }

        w.WriteEndArray();
        w.WritePropertyName("preferredVersion");
        WriteGroupVersion(w, group, versions[0]);
    }

    private static void WriteGroupVersion(Utf8JsonWriter w, string group, string version)
    {
        w.WriteStartObject();
        w.WriteString("groupVersion", $"{group}/{version}");
        w.WriteString("version", version);
        w.WriteEndObject();
    }

    private static void WriteResourceList(Utf8JsonWriter w, string group, string version)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIResourceList");
        w.WriteString("apiVersion", "v1");
        w.WriteString("groupVersion", group.Length == 0 ? version : $"{group}/{version}");
        w.WriteStartArray("resources");
        foreach (var strategy in ResourceRegistry.All.Where(s => s.Resource.Group == group && s.Resource.Version == version))
        {
            var resource = strategy.Resource;
            w.WriteStartObject();
            w.WriteString("name", resource.Plural);
            w.WriteString("singularName", resource.Singular);
            w.WriteBoolean("namespaced", resource.Namespaced);
            w.WriteString("kind", resource.Kind);
            WriteStrings(w, "verbs", strategy.Verbs);
            WriteShortNamesAndCategories(w, strategy);
            w.WriteEndObject();
            foreach (var subresource in strategy.Subresources)
            {
                var (subGroup, subVersion, subKind) = SubresourceKind(resource, subresource);
                w.WriteStartObject();
                w.WriteString("name", $"{resource.Plural}/{subresource}");
                w.WriteString("singularName", string.Empty);
                w.WriteBoolean("namespaced", resource.Namespaced);
                if (subresource == "scale")
                {
                    w.WriteString("group", subGroup);
                    w.WriteString("version", subVersion);
                }

                w.WriteString("kind", subKind);
                WriteStrings(w, "verbs", SubresourceVerbs(subresource));
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Both lists are left out when empty, as the server's discovery documents do.</summary>
    private static void WriteShortNamesAndCategories(Utf8JsonWriter w, ResourceStrategy strategy)
    {
        if (strategy.ShortNames.Count > 0)
        {
            WriteStrings(w, "shortNames", strategy.ShortNames);
        }

        if (strategy.Categories.Count > 0)
        {
            WriteStrings(w, "categories", strategy.Categories);
        }
    }

    private static void WriteAggregated(Utf8JsonWriter w, bool core)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroupDiscoveryList");
        w.WriteString("apiVersion", "apidiscovery.k8s.io/v2");
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        w.WriteStartArray("items");
        var groups = core ? [string.Empty] : NamedGroups().ToList();
        foreach (var group in groups)
        {
            w.WriteStartObject();
            w.WriteStartObject("metadata");
            if (group.Length > 0)
            {
                w.WriteString("name", group);
            }

            w.WriteNull("creationTimestamp");
            w.WriteEndObject();
            w.WriteStartArray("versions");
            foreach (var version in ResourceRegistry.Resources.Where(r => r.Group == group).Select(r => r.Version).Distinct())
            {
                w.WriteStartObject();
                w.WriteString("version", version);
                w.WriteStartArray("resources");
                foreach (var strategy in ResourceRegistry.All.Where(s => s.Resource.Group == group && s.Resource.Version == version))
                {
                    WriteAggregatedResource(w, strategy);
                }

                w.WriteEndArray();
                w.WriteString("freshness", "Current");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAggregatedResource(Utf8JsonWriter w, ResourceStrategy strategy)
    {
        var resource = strategy.Resource;
        w.WriteStartObject();
        w.WriteString("resource", resource.Plural);
        WriteKind(w, "responseKind", resource.Group, resource.Version, resource.Kind);
        w.WriteString("scope", resource.Namespaced ? "Namespaced" : "Cluster");
        w.WriteString("singularResource", resource.Singular);
        WriteStrings(w, "verbs", strategy.Verbs);
        WriteShortNamesAndCategories(w, strategy);

        if (strategy.Subresources.Count > 0)
        {
            w.WriteStartArray("subresources");
            foreach (var subresource in strategy.Subresources)
            {
                var (group, version, kind) = SubresourceKind(resource, subresource);
                w.WriteStartObject();
                w.WriteString("subresource", subresource);
                WriteKind(w, "responseKind", group, version, kind);
                WriteStrings(w, "verbs", SubresourceVerbs(subresource));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>namespaces/finalize is only ever replaced; status and scale are read, patched and replaced.</summary>
    private static string[] SubresourceVerbs(string subresource) => subresource == "finalize" ? ["update"] : ["get", "patch", "update"];

    private static (string Group, string Version, string Kind) SubresourceKind(ResourceType resource, string subresource) =>
        subresource == "scale" ? ("autoscaling", "v1", "Scale") : (resource.Group, resource.Version, resource.Kind);

    private static void WriteKind(Utf8JsonWriter w, string name, string group, string version, string kind)
    {
        w.WriteStartObject(name);
        w.WriteString("group", group);
        w.WriteString("version", version);
        w.WriteString("kind", kind);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
