using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Core.Apply;

namespace KubeRollout.Core.Tests.Apply;

public class LastAppliedConfigurationTests
{
    private static JsonObject Live(string? own, string? kubectl)
    {
        var annotations = new JsonObject();
        if (own is not null)
        {
            annotations["kuberollout.io/last-applied-configuration"] = own;
        }

        if (kubectl is not null)
        {
            annotations["kubectl.kubernetes.io/last-applied-configuration"] = kubectl;
        }

        return new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = annotations } };
    }

    [Fact]
    public void Adopts_kubectls_record_when_the_module_has_none()
    {
        var record = LastAppliedConfiguration.Read(Live(null, """{"metadata":{"annotations":{},"name":"x"}}"""), typeof(V1Deployment));

        Assert.Equal("""{"metadata":{"annotations":{},"name":"x"}}""", record!.ToJsonString());
    }

    [Fact]
    public void When_the_records_differ_what_either_applied_counts()
    {
        var own = """{"metadata":{"labels":{"a":"1"}},"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"A"}]}]}}}}""";
        var kubectl = """{"metadata":{"labels":{"b":"2"}},"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B"}]},{"name":"side"}]}}}}""";

        var record = LastAppliedConfiguration.Read(Live(own, kubectl), typeof(V1Deployment))!;

        Assert.Equal("""{"a":"1","b":"2"}""", record["metadata"]!["labels"]!.ToJsonString());
        var containers = record["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["web", "side"], containers.Select(c => (string)c!["name"]!));
        Assert.Equal(["A", "B"], containers[0]!["env"]!.AsArray().Select(e => (string)e!["name"]!));
    }

    [Fact]
    public void A_damaged_record_counts_as_none()
    {
        Assert.Null(LastAppliedConfiguration.Read(Live("{not json", null), typeof(V1ConfigMap)));
        Assert.Equal("{}", LastAppliedConfiguration.Read(Live("{not json", "{}"), typeof(V1ConfigMap))!.ToJsonString());
    }

    [Fact]
    public void Records_secret_values_only_as_hashes()
    {
        var secret = JsonNode.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"password":"c2VjcmV0"},"stringData":{"token":"plain"}}""")!.AsObject();

        var recorded = LastAppliedConfiguration.Serialize(secret);

        Assert.DoesNotContain("c2VjcmV0", recorded);
        Assert.DoesNotContain("plain", recorded);
        Assert.Matches("\"password\":\"sha256:[0-9a-f]{64}\"", recorded);
    }

    [Fact]
    public void Records_the_configuration_as_kubectl_writes_it()
    {
        var configMap = JsonNode.Parse("""{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"nons","namespace":"shop"},"data":{"a":"1"}}""")!.AsObject();

        Assert.Equal("{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{},\"name\":\"nons\",\"namespace\":\"shop\"}}\n", LastAppliedConfiguration.Serialize(configMap));
    }

    [Fact]
    public void Records_agree_when_kubectls_says_the_same_even_with_a_number_for_a_quantity()
    {
        var manifest = JsonNode.Parse("""{"kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":"2"}}}]}}""")!.AsObject();
        var recorded = LastAppliedConfiguration.Serialize(manifest);
        var kubectls = """{"kind":"Pod","metadata":{"annotations":{},"name":"p"},"spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":2}}}]}}""";

        Assert.True(LastAppliedConfiguration.Agrees(Live(null, kubectls), recorded));
        Assert.True(LastAppliedConfiguration.Agrees(Live(recorded, kubectls), recorded));
        Assert.False(LastAppliedConfiguration.Agrees(Live(null, kubectls.Replace("\"cpu\":2", "\"cpu\":3", StringComparison.Ordinal)), recorded));
        Assert.False(LastAppliedConfiguration.Agrees(Live("""{"kind":"Pod"}""", kubectls), recorded), "the module's own record says otherwise");
        Assert.False(LastAppliedConfiguration.Agrees(Live(recorded, null), recorded), "kubectl's record is missing");
        var olderOwn = """{"kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","resources":{"limits":{"cpu":"2"}}}]}}""";
        Assert.True(LastAppliedConfiguration.Agrees(Live(olderOwn, kubectls), recorded), "a record without the empty annotations map says the same");
    }

    [Fact]
    public void A_secrets_records_agree_only_when_kubectls_record_of_its_values_is_gone()
    {
        var secret = JsonNode.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"token":"plain"}}""")!.AsObject();
        var recorded = LastAppliedConfiguration.Serialize(secret);
        var live = Live(recorded, null);
        live["apiVersion"] = "v1";
        live["kind"] = "Secret";

        Assert.True(LastAppliedConfiguration.Agrees(live, recorded));
        live["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"] = secret.ToJsonString();
        Assert.False(LastAppliedConfiguration.Agrees(live, recorded));
    }
}
