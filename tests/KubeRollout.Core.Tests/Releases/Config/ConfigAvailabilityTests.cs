using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Releases.Config;

namespace KubeRollout.Core.Tests.Releases.Config;

public class ConfigAvailabilityTests
{
    private static readonly IReadOnlyList<ConfigReference> References = ConfigReferences.InPodSpec(PodSpecs.Json(PodSpecs.EveryReference));

    [Fact]
    public void Missing_objects_are_named_with_where_they_are_needed_and_optional_ones_and_pull_secrets_are_not()
    {
        var missing = ConfigAvailability.Missing(References, (_, _) => null);

        Assert.Equal(
            [
                "configmap \"cfg\" (volume site) does not exist",
                "configmap \"cfg\" (projected volume all) does not exist",
                "secret \"sec\" (projected volume all) does not exist",
                "configmap \"cfg\" (envFrom of init container setup) does not exist",
                "configmap \"cfg\" (env RELEASE of container web) does not exist",
                "secret \"sec\" (env PASSWORD of container web) does not exist",
            ],
            missing.Select(m => m.ToString()));
    }

    [Fact]
    public void A_key_a_reference_needs_must_exist()
    {
        var keys = new Dictionary<string, IReadOnlySet<string>>
        {
            ["ConfigMap"] = new HashSet<string> { "release" },
            ["Secret"] = new HashSet<string> { "password", "token" },
        };

        var missing = ConfigAvailability.Missing(References, (kind, _) => keys[kind]);

        Assert.Equal(["configmap \"cfg\" has no key \"index.html\" (volume site)"], missing.Select(m => m.ToString()));
    }

    [Fact]
    public void Nothing_is_missing_when_everything_exists()
    {
        var keys = new HashSet<string> { "release", "index.html", "password", "token" };

        Assert.Empty(ConfigAvailability.Missing(References, (_, _) => keys));
    }
}
