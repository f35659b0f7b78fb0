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
}
