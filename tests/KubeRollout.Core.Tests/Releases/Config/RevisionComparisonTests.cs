using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Releases.Config;

public class RevisionComparisonTests
{
    private const string SecretValue = "Walrus-Password-0815";

    private static RolloutRevision Revision(long number, string image, string configMap, string secret) => new()
    {
        Kind = WorkloadKind.Deployment,
        Namespace = "ns",
        Name = "web",
        Revision = number,
        Images = [image],
        Source = $"web-{number}",
        PodTemplate = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = $"h{number}" } },
            Spec = new V1PodSpec
            {
                Containers = [new V1Container
                {
                    Name = "web",
                    Image = image,
                    EnvFrom = [new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = secret } }],
                }],
                Volumes = [new V1Volume { Name = "site", ConfigMap = new V1ConfigMapVolumeSource { Name = configMap } }],
            },
        },
    };

    private static readonly Dictionary<string, JsonObject> Cluster = new()
    {
        ["cfg-a"] = PodSpecs.Json("""{"kind":"ConfigMap","data":{"release":"v4.0","same":"x"}}"""),
        ["cfg-b"] = PodSpecs.Json("""{"kind":"ConfigMap","data":{"release":"v4.1","same":"x","added":"y"}}"""),
        ["sec-a"] = PodSpecs.Json($$$"""{"kind":"Secret","data":{"password":"{{{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SecretValue))}}}"}}"""),
        ["sec-b"] = PodSpecs.Json($$$"""{"kind":"Secret","stringData":{"password":"{{{SecretValue}}}!"}}"""),
    };

    [Fact]
    public void Shows_the_template_fields_and_the_data_of_the_config_referenced_in_the_same_places()
    {
        var (differences, warnings) = RevisionComparison.Compare(
            Revision(2, "nginx:1.26", "cfg-a", "sec-a"), Revision(3, "nginx:1.27", "cfg-b", "sec-b"), (_, name) => Cluster.GetValueOrDefault(name));

        Assert.Empty(warnings);
        Assert.Equal(
            [
                "template: Changed spec.containers[web].envFrom[0].secretRef.name: sec-a -> sec-b",
                "template: Changed spec.containers[web].image: nginx:1.26 -> nginx:1.27",
                "template: Changed spec.volumes[site].configMap.name: cfg-a -> cfg-b",
                "configmap cfg-a -> cfg-b: Added added: y",
                "configmap cfg-a -> cfg-b: Changed release: v4.0 -> v4.1",
                "secret sec-a -> sec-b: Changed password (value hidden)",
            ],
            differences.Select(d => d.ToString()).Order(StringComparer.Ordinal).OrderBy(d => d.StartsWith("template", StringComparison.Ordinal) ? 0 : 1));
        Assert.All(differences, d => Assert.Equal((2, 3), (d.ReferenceRevision, d.DifferenceRevision)));
        Assert.DoesNotContain(SecretValue, string.Join("|", differences.Select(d => $"{d} {d.From} {d.To}")), StringComparison.Ordinal);
    }

    [Fact]
    public void Warns_about_config_that_no_longer_exists_and_compares_the_rest()
    {
        var (differences, warnings) = RevisionComparison.Compare(
            Revision(1, "nginx", "cfg-gone", "sec-a"), Revision(2, "nginx", "cfg-b", "sec-a"), (_, name) => Cluster.GetValueOrDefault(name));

        Assert.Equal(["configmap \"cfg-gone\" of revision 1 no longer exists: its data cannot be compared, and that revision's pods could not start."], warnings);
        Assert.Equal(["spec.volumes[site].configMap.name"], differences.Select(d => d.Field));
    }

    [Fact]
    public void Identical_revisions_do_not_differ()
    {
        var (differences, warnings) = RevisionComparison.Compare(
            Revision(1, "nginx", "cfg-a", "sec-a"), Revision(2, "nginx", "cfg-a", "sec-a"), (_, name) => Cluster.GetValueOrDefault(name));

        Assert.Empty(differences);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_versioned_rollout_is_described_by_the_versions_it_references()
    {
        var from = Revision(1, "nginx", "cfg-a", "sec-a").PodTemplate;
        var to = Revision(2, "nginx", "cfg-b", "sec-a").PodTemplate;

        Assert.Equal("config configmap cfg-b (was cfg-a)", ReferenceChanges.Describe(from, to));
        Assert.Null(ReferenceChanges.Describe(from, from));
    }
}
