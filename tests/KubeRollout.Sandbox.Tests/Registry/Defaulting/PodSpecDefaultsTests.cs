using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Registry.Defaulting;

/// <summary>Pod spec defaults.</summary>
public class PodSpecDefaultsTests
{
    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("localhost:5000/nginx", "Always")]
    [InlineData("localhost:5000/nginx:1.25", "IfNotPresent")]
    [InlineData("kiamol/ch09-vweb:v1", "IfNotPresent")]
    [InlineData("nginx@sha256:abcd", "IfNotPresent")]
    public void ImagePullPolicyFollowsTheTag(string image, string policy) =>
        Assert.Equal(policy, KubeRollout.Sandbox.Registry.Defaulting.PodSpecDefaults.PullPolicyFor(image));
}
