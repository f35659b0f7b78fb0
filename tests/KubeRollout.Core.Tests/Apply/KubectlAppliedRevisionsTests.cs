using System.Text.Json.Nodes;
using KubeRollout.Core.Apply;
using KubeRollout.Core.Rollouts;
using Xunit;

namespace KubeRollout.Core.Tests.Apply;

public sealed class KubectlAppliedRevisionsTests
{
    [Fact]
    public void Kubectls_record_is_the_revisions_when_kubectl_applied_the_live_template_after_the_module()
    {
        var live = Live(image: "app:v2", own: Record("app:v1"), kubectl: Record("app:v2"));

        Assert.Equal(Record("app:v2"), KubectlAppliedRevisions.KubectlRecordOfLiveTemplate(live));
    }

    [Fact]
    public void Kubectls_record_is_the_revisions_when_only_kubectl_applied()
    {
        var live = Live(image: "app:v2", own: null, kubectl: Record("app:v2"));

        Assert.Equal(Record("app:v2"), KubectlAppliedRevisions.KubectlRecordOfLiveTemplate(live));
    }

    [Theory]
    [InlineData("app:v2", "app:v2")] // the module applied last: both records are the same
    [InlineData("app:v2", "app:v3")] // an undo restored the module's record of the live template, kubectl's stayed
    public void Nothing_is_recorded_when_the_modules_record_describes_the_live_template(string own, string kubectl)
    {
        var live = Live(image: "app:v2", own: Record(own), kubectl: Record(kubectl));

        Assert.Null(KubectlAppliedRevisions.KubectlRecordOfLiveTemplate(live));
    }

    [Fact]
    public void Nothing_is_recorded_when_kubectls_record_does_not_describe_the_live_template()
    {
        // kubectl rollout undo back to the module's revision keeps kubectl's record of the undone one.
        var live = Live(image: "app:v1", own: Record("app:v1"), kubectl: Record("app:v2"));

        Assert.Null(KubectlAppliedRevisions.KubectlRecordOfLiveTemplate(live));
    }

    private static string Record(string image) =>
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"app","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"app"}},"template":{"metadata":{"labels":{"app":"app"}},"spec":{"containers":[{"image":"IMAGE","name":"app"}]}}}}""".Replace("IMAGE", image, StringComparison.Ordinal) + "\n";

    private static JsonObject Live(string image, string? own, string? kubectl)
    {
        var annotations = new JsonObject { [WellKnownAnnotations.Revision] = "2" };
        if (own is not null)
        {
            annotations[WellKnownAnnotations.LastApplied] = own;
        }

        if (kubectl is not null)
        {
            annotations[WellKnownAnnotations.KubectlLastApplied] = kubectl;
        }

        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "app", ["namespace"] = "default", ["annotations"] = annotations },
            ["spec"] = JsonNode.Parse("""
                {"replicas":1,"selector":{"matchLabels":{"app":"app"}},"template":{"metadata":{"labels":{"app":"app"}},
                 "spec":{"containers":[{"name":"app","image":"IMAGE","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log"}],"restartPolicy":"Always"}}}
                """.Replace("IMAGE", image, StringComparison.Ordinal)),
        };
    }
}
