using KubeRollout.Sandbox.Controllers.Deployments;
using KubeRollout.Sandbox.Tests.Controllers.Support;

namespace KubeRollout.Sandbox.Tests.Controllers;

public sealed class PodTemplateHashTests
{
    [Fact]
    public void The_hash_is_stable_uses_the_safe_alphabet_and_changes_with_the_collision_count()
    {
        var template = Manifests.PodTemplate("vweb", "kiamol/ch09-vweb:v1", null);

        var hash = PodTemplateHash.Compute(template, null);

        Assert.Equal(hash, PodTemplateHash.Compute(Manifests.PodTemplate("vweb", "kiamol/ch09-vweb:v1", null), null));
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", hash);
        Assert.NotEqual(hash, PodTemplateHash.Compute(template, 1));
        Assert.NotEqual(hash, PodTemplateHash.Compute(Manifests.PodTemplate("vweb", "kiamol/ch09-vweb:v2", null), null));
    }

    [Fact]
    public void Safe_encoding_maps_each_digit_as_rand_SafeEncodeString()
    {
        // '0' is byte 48, 48 % 27 = 21 → '4'; '9' is 57 % 27 = 3 → 'f' (alphabet bcdfghjklmnpqrstvwxz2456789).
        Assert.Equal("4f", PodTemplateHash.SafeEncode("09"));
    }

    [Fact]
    public void Templates_compare_equal_ignoring_the_hash_label_and_empty_maps()
    {
        var a = Manifests.PodTemplate("vweb", "kiamol/ch09-vweb:v1", null);
        var b = Manifests.PodTemplate("vweb", "kiamol/ch09-vweb:v1", new Dictionary<string, string>());
        b.Metadata.Labels["pod-template-hash"] = "abc";

        Assert.True(PodTemplateHash.EqualIgnoringHash(a, b));
        Assert.False(PodTemplateHash.EqualIgnoringHash(a, Manifests.PodTemplate("vweb", "kiamol/ch09-vweb:v2", null)));
    }
}
