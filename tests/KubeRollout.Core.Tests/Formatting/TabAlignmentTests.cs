using k8s;
using k8s.Models;
using KubeRollout.Core.Formatting;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Tests.Rollouts.Templates;

namespace KubeRollout.Core.Tests.Formatting;

public class TabAlignmentTests
{
    [Fact]
    public void Aligns_a_pod_template_as_kubectl_describe_does()
    {
        var template = KubernetesJson.Deserialize<V1PodTemplateSpec>(KubectlDescriptions.RichTemplate);
        template.Metadata.Labels.Remove("pod-template-hash");

        Assert.Equal(KubectlDescriptions.RichDescribeSection, TabAlignment.Align(PodTemplateDescription.Describe(template)));
    }

    [Theory]
    [InlineData("a\tb\nccc\td\n", "a    b\nccc  d\n")]
    [InlineData("a\tb\n\nccc\td", "a  b\n\nccc  d")]
    [InlineData("x:\t1\n  y:\t2\tz\n", "x:    1\n  y:  2  z\n")]
    public void Aligns_columns_of_consecutive_lines_only(string text, string aligned)
    {
        Assert.Equal(aligned, TabAlignment.Align(text));
    }
}
