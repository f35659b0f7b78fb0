using k8s;
using k8s.Models;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Rollouts.Templates;

public class PodTemplateDescriptionTests
{
    [Theory]
    [InlineData(KubectlDescriptions.RichTemplate, KubectlDescriptions.RichChangeCause, KubectlDescriptions.RichHistory)]
    [InlineData(KubectlDescriptions.StorageTemplate, null, KubectlDescriptions.StorageHistory)]
    public void Describes_a_revision_as_kubectl_rollout_history_does(string stored, string? cause, string kubectl)
    {
        var revision = Revision(KubernetesJson.Deserialize<V1PodTemplateSpec>(stored), cause);

        Assert.Equal(kubectl, PodTemplateDescription.Describe(PodTemplateDescription.ForRevision(revision)));
    }

    [Fact]
    public void Shows_a_change_cause_only_for_Deployment_revisions_as_kubectl_does()
    {
        var template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "db" } }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "db", Image = "postgres:16" }] } };

        var deployment = PodTemplateDescription.ForRevision(Revision(template, "v2", WorkloadKind.Deployment));
        var statefulSet = PodTemplateDescription.ForRevision(Revision(template, "v2", WorkloadKind.StatefulSet));

        Assert.Equal("v2", deployment.Metadata.Annotations["kubernetes.io/change-cause"]);
        Assert.Null(template.Metadata.Annotations);
        Assert.Same(template, statefulSet);
    }

    [Fact]
    public void Says_none_for_what_a_minimal_template_leaves_out()
    {
        var template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx" }] } };

        var text = PodTemplateDescription.Describe(template);

        Assert.Equal(
            "Pod Template:\n  Labels:\t<none>\n  Containers:\n   web:\n    Image:\tnginx\n    Port:\t<none>\n    Host Port:\t<none>\n"
            + "    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n",
            text);
    }

    [Fact]
    public void Aligns_the_description_for_a_view_without_its_heading()
    {
        var template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }] },
        };

        var lines = PodTemplateDescription.DescribeAligned(template).Split('\n');

        // Consecutive lines with tabs form one column, as in kubectl describe: the labels' block ends at
        // "Containers:", the next one runs from Image to Tolerations and is as wide as "  Node-Selectors:" plus 2.
        Assert.Equal("Labels:  app=web", lines[0]);
        Assert.Equal("         tier=front", lines[1]);
        Assert.Equal("Containers:", lines[2]);
        Assert.Equal(" web:", lines[3]);
        Assert.Equal("  Image:         nginx:1.27", lines[4]);
        Assert.Equal("Tolerations:     <none>", lines[^1]);
    }

    [Fact]
    public void Escapes_terminal_control_characters_of_fields()
    {
        var template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx\u001b[31m\r" }] } };

        Assert.Contains("Image:\tnginx^[[31m\\r\n", PodTemplateDescription.Describe(template), StringComparison.Ordinal);
    }

    private static RolloutRevision Revision(V1PodTemplateSpec template, string? cause, WorkloadKind kind = WorkloadKind.Deployment) => new()
    {
        Kind = kind,
        Namespace = "default",
        Name = "rich",
        Revision = 1,
        ChangeCause = cause,
        Images = [],
        Source = "rich-59d8f4f5c8",
        PodTemplate = template,
    };
}
