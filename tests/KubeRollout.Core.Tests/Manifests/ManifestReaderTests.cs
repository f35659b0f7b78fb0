using k8s.Models;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Tests.Manifests;

public class ManifestReaderTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vweb
          labels:
            kiamol: ch09
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: vweb
          strategy:
            rollingUpdate:
              maxSurge: 1
              maxUnavailable: 25%
          template:
            metadata:
              labels:
                app: vweb
                version: "1.10"
            spec:
              containers:
                - name: web
                  image: kiamol/ch09-vweb:v1
                  ports:
                    - containerPort: 80
                      name: http
                  env:
                    - name: PORT
                      value: "80"
        """;

    [Fact]
    public void Reads_a_deployment_into_the_typed_model()
    {
        var manifest = Assert.Single(ManifestReader.ReadText(Deployment, "vweb.yaml"));

        var deployment = Assert.IsType<V1Deployment>(manifest.Object);
        Assert.Equal(("Deployment", "apps/v1", "vweb"), (manifest.Kind, manifest.ApiVersion, manifest.Name));
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("kiamol/ch09-vweb:v1", deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("1", deployment.Spec.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal("25%", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Null(manifest.Namespace);
        Assert.Equal(1, manifest.Line);
    }

    [Fact]
    public void Keeps_plain_scalars_as_strings_where_the_field_is_a_string()
    {
        const string text = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              version: 1.10
              enabled: true
              empty: ""
            """;

        var configMap = (V1ConfigMap)Assert.Single(ManifestReader.ReadText(text, "cm.yaml")).Object;

        Assert.Equal("1.10", configMap.Data["version"]);
        Assert.Equal("true", configMap.Data["enabled"]);
        Assert.Equal(string.Empty, configMap.Data["empty"]);
    }

    [Fact]
    public void Json_holds_exactly_the_fields_the_file_sets()
    {
        var manifest = Assert.Single(ManifestReader.ReadText(Deployment, "vweb.yaml"));

        Assert.Equal(80L, (long)manifest.Json["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]!);
        Assert.False(manifest.Json["spec"]!.AsObject().ContainsKey("revisionHistoryLimit"));
        Assert.Equal(1L, (long)manifest.Json["spec"]!["strategy"]!["rollingUpdate"]!["maxSurge"]!);
    }

    [Fact]
    public void Reads_every_document_and_numbers_them()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  namespace: web\n";

        var objects = ManifestReader.ReadText(text, "all.yaml");

        Assert.Equal(["ConfigMap/a", "Service/b"], objects.Select(o => o.ToString()));
        Assert.Equal("web", objects[1].Namespace);
        Assert.Equal(3, objects[1].Location.Document);
        Assert.Equal(7, objects[1].Line);
    }

    [Fact]
    public void Expands_a_v1_list()
    {
        var text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: b\n";

        Assert.Equal(["ConfigMap/a", "Secret/b"], ManifestReader.ReadText(text, "list.yaml").Select(o => o.ToString()));
    }

    [Fact]
    public void Reads_json_manifests()
    {
        var text = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":{"k":"v"}}""";

        Assert.Equal("v", ((V1ConfigMap)Assert.Single(ManifestReader.ReadText(text, "cm.json")).Object).Data["k"]);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  lables:\n    x: y\n", "ManifestFieldInvalid", 5, "unknown field \"metadata.lables\"")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: three\n", "ManifestFieldInvalid", 6, "\"spec.replicas\" must be an integer")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers: web\n", "ManifestFieldInvalid", 8, "\"spec.template.spec.containers\" must be a list")]
    [InlineData("apiVersion: v1\nkind: Frobnicator\nmetadata:\n  name: a\n", "ManifestKindUnknown", 1, "no matches for kind \"Frobnicator\" in version \"v1\"")]
    [InlineData("apiVersion: v1\nkind: Deployment\nmetadata:\n  name: a\n", "ManifestKindUnknown", 1, "served as apps/v1")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n", "ManifestNameMissing", 1, "has no metadata.name")]
    [InlineData("kind: ConfigMap\nmetadata:\n  name: a\n", "ManifestKindMissing", 1, "no apiVersion")]
    [InlineData("- just\n- a list\n", "ManifestNotAnObject", 1, "not a Kubernetes object")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n", "ManifestYamlInvalid", 5, "does not parse")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a\n", "ManifestYamlInvalid", 5, "does not parse")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\ndata:\n  k: v\n", "ManifestYamlInvalid", 3, "the YAML does not parse: did not find expected ',' or '}': the flow mapping that starts on line 3 is not closed")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {a: [x, y}\n", "ManifestYamlInvalid", 5, "does not parse")]
    public void Rejects_bad_documents_with_id_line_and_reason(string text, string errorId, int line, string reasonPart)
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.ReadText(text, "bad.yaml"));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(FailureKind.InvalidData, error.Kind);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains(reasonPart, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_object_not_found_error()
    {
        var error = Assert.Throws<KubeRolloutException>(() => ManifestReader.ReadFile("/no/such/file.yaml"));

        Assert.Equal(("ManifestFileNotFound", FailureKind.ObjectNotFound), (error.ErrorId, error.Kind));
        Assert.Equal("/no/such/file.yaml", error.Target);
    }

    [Fact]
    public void A_file_nested_40000_levels_deep_fails_with_its_location_instead_of_the_session()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: " + new string('[', 40_000) + new string(']', 40_000) + "\n";

        var error = Assert.Throws<ManifestException>(() => ManifestReader.ReadText(text, "deep.yaml"));

        Assert.Equal("ManifestTooDeep", error.ErrorId);
        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.Equal(5, error.Location.Line);
        Assert.StartsWith("deep.yaml:5 (document 1): the document nests deeper than 64 levels", error.Message);
    }

    [Fact]
    public void An_alias_bomb_fails_as_too_large()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n" + KubeRollout.Core.Tests.Yaml.YamlBoundsTests.AliasBomb(9).Replace("a0:", "x0:");

        var error = Assert.Throws<ManifestException>(() => ManifestReader.ReadText("---\n" + text, "bomb.yaml"));

        Assert.Equal("ManifestTooLarge", error.ErrorId);
        Assert.Contains("bomb.yaml:", error.Message);
    }

    [Fact]
    public void A_free_form_field_nested_past_the_limit_names_the_file_and_line()
    {
        var nested = string.Concat(Enumerable.Range(0, 70).Select(i => new string(' ', 2 + (2 * i)) + "k:\n"));
        var text = "apiVersion: apps/v1\nkind: ControllerRevision\nmetadata:\n  name: cr\nrevision: 1\ndata:\n" + nested + new string(' ', 142) + "v: 1\n";

        var error = Assert.Throws<ManifestException>(() => ManifestReader.ReadText(text, "cr.yaml"));

        Assert.Equal("ManifestTooDeep", error.ErrorId);
        Assert.True(error.Location.Line > 6);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n")]
    [InlineData("{apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {a: 1, }, }, }")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: *missing\n")]
    [InlineData("apiVersion: v1\n\tkind: ConfigMap\n")]
    public void Malformed_yaml_fails_the_file_with_a_manifest_error(string text)
    {
        var error = Assert.ThrowsAny<ManifestException>(() => ManifestReader.ReadText(text, "bad.yaml"));

        Assert.StartsWith("Manifest", error.ErrorId);
        Assert.StartsWith("bad.yaml", error.Message);
    }
}
