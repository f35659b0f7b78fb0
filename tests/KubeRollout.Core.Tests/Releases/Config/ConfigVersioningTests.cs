using System.Text.Json.Nodes;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Releases.Config;

namespace KubeRollout.Core.Tests.Releases.Config;

public class ConfigVersioningTests
{
    private const string ConfigMap = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"release":"v1","index.html":"<p>v1</p>"}}""";
    private const string Secret = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"sec"},"stringData":{"password":"s3cr3t"},"data":{"token":"dG9r"}}""";

    private static ManifestObject Manifest(JsonObject json) => Manifest(json.ToJsonString());

    private static ManifestObject Manifest(string json) => ManifestReader.ReadText(json, "m.yaml").Single();

    [Fact]
    public void Each_config_becomes_an_immutable_version_named_by_the_hash_of_what_is_sent()
    {
        var versioned = ConfigVersioning.Version([Manifest(ConfigMap)], "ns");

        var version = Assert.Single(versioned.Versions);
        var sent = versioned.Objects[0].Json;
        Assert.Equal(new ConfigVersion("ConfigMap", "ns", "cfg", $"cfg-{version.Name[^10..]}"), version);
        Assert.True(sent["immutable"]!.GetValue<bool>());
        Assert.Equal(version.Name, sent["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(version.Name[^10..], sent["metadata"]!["labels"]![ConfigVersioning.VersionLabel]!.GetValue<string>());
        Assert.Equal("cfg", sent["metadata"]!["annotations"]![ConfigVersioning.VersionOfAnnotation]!.GetValue<string>());

        // The suffix is kubectl's hash of the object as sent under its own name.
        var asHashed = (JsonObject)sent.DeepClone();
        asHashed["metadata"] = new JsonObject { ["name"] = "cfg" };
        Assert.Equal(version.Name, ConfigContentHash.NameOf(asHashed));
        Assert.Equal("ConfigMap", versioned.Objects[0].Object.Kind);
        Assert.Equal(version.Name, versioned.Objects[0].Name);
    }

    [Fact]
    public void The_same_content_gives_the_same_name_and_other_content_another()
    {
        var first = ConfigVersioning.Version([Manifest(ConfigMap)], "ns").Versions[0].Name;
        var reordered = ConfigVersioning.Version([Manifest("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","labels":{"a":"b"}},"data":{"index.html":"<p>v1</p>","release":"v1"}}""")], "ns").Versions[0].Name;
        var changed = ConfigVersioning.Version([Manifest(ConfigMap.Replace("\"release\":\"v1\"", "\"release\":\"v2\"", StringComparison.Ordinal))], "ns").Versions[0].Name;

        Assert.Equal(first, reordered);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void A_secret_version_holds_its_string_data_as_data()
    {
        var versioned = ConfigVersioning.Version([Manifest(Secret)], "ns");

        var sent = versioned.Objects[0].Json;
        Assert.Null(sent["stringData"]);
        Assert.Equal("""{"token":"dG9r","password":"czNjcjN0"}""", sent["data"]!.ToJsonString());
        Assert.StartsWith("sec-", versioned.Versions[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reference_of_every_kind_in_the_same_namespace_is_rewritten()
    {
        var versioned = ConfigVersioning.Version(
            [Manifest(ConfigMap), Manifest(Secret), Manifest(PodSpecs.Deployment("web", PodSpecs.EveryReference))], "ns");

        var cfg = versioned.Versions.Single(v => v.Kind == "ConfigMap").Name;
        var sec = versioned.Versions.Single(v => v.Kind == "Secret").Name;
        var references = ConfigReferences.InObject(versioned.Objects[2].Json);
        Assert.Equal(10, references.Count);
        Assert.All(references, r => Assert.Equal(r.Kind == "ConfigMap" ? cfg : sec, r.Name));
        Assert.Contains(cfg, versioned.Objects[2].Json.ToJsonString(), StringComparison.Ordinal);

        // The typed object follows the JSON.
        var typed = (k8s.Models.V1Deployment)versioned.Objects[2].Object;
        Assert.Equal(sec, typed.Spec.Template.Spec.ImagePullSecrets[0].Name);
        Assert.Equal("cfg", PodSpecs.Deployment("web", PodSpecs.EveryReference)["spec"]!["template"]!["spec"]!["volumes"]![0]!["configMap"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void References_in_other_namespaces_and_to_other_names_stay()
    {
        var versioned = ConfigVersioning.Version(
            [
                Manifest(ConfigMap),
                Manifest(PodSpecs.Deployment("elsewhere", PodSpecs.EveryReference, @namespace: "other")),
                Manifest(PodSpecs.Deployment("web", """{"containers":[{"name":"c","image":"i","envFrom":[{"configMapRef":{"name":"unrelated"}}]}]}""")),
            ],
            "ns");

        Assert.All(ConfigReferences.InObject(versioned.Objects[1].Json), r => Assert.Contains(r.Name, new[] { "cfg", "sec" }));
        Assert.Equal("unrelated", ConfigReferences.InObject(versioned.Objects[2].Json).Single().Name);
    }

    [Fact]
    public void A_name_too_long_for_its_hash_is_refused_with_its_file()
    {
        var name = new string('c', 250);
        var error = Assert.Throws<ManifestException>(() => ConfigVersioning.Version([Manifest(ConfigMap.Replace("\"cfg\"", $"\"{name}\"", StringComparison.Ordinal))], "ns"));

        Assert.Equal("ConfigVersionNameTooLong", error.ErrorId);
        Assert.Contains("m.yaml", error.Message, StringComparison.Ordinal);
    }
}
