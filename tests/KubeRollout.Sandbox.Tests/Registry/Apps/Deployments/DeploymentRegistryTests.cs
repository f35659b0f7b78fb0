using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Registry.Apps.Deployments;

/// <summary>apps/v1 deployments through the registry: defaults, validation and generation as a real 1.35 cluster has them.</summary>
public class DeploymentRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    private const string VwebV1 = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","namespace":"default","labels":{"kiamol":"ch09"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"vweb"}},
           "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
             "spec":{"containers":[{"name":"web","image":"kiamol/ch09-vweb:v1","ports":[{"name":"http","containerPort":80}]}]}}}}
        """;

    [Fact]
    public void DeploymentLooksAsOnARealCluster()
    {
        var stored = _fixture.Registry.Create(RegistryFixture.Manifest<V1Deployment>(VwebV1), "kubectl-client-side-apply");

        JsonAssert.Equal("""
            {"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"vweb"}},
             "strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},
             "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
               "spec":{"containers":[{"image":"kiamol/ch09-vweb:v1","imagePullPolicy":"IfNotPresent","name":"web",
                 "ports":[{"containerPort":80,"name":"http","protocol":"TCP"}],"resources":{},
                 "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],
               "dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},
               "terminationGracePeriodSeconds":30}}}
            """, ModelJson.ToNode(stored)["spec"]);
    }

    [Fact]
    public void RecreateStrategyGetsNoRollingUpdate()
    {
        var manifest = RegistryFixture.Manifest<V1Deployment>(VwebV1);
        manifest.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate" };

        var stored = _fixture.Registry.Create(manifest, "kubectl");

        JsonAssert.Equal("""{"type":"Recreate"}""", ModelJson.ToNode(stored)["spec"]!["strategy"]);
    }

    [Fact]
    public void TemplatesCompareEqualAfterARoundTrip()
    {
        var first = _fixture.Registry.Create(RegistryFixture.Manifest<V1Deployment>(VwebV1), "kubectl");
        var again = RegistryFixture.Manifest<V1Deployment>(ModelJson.Serialize(first));

        var updated = _fixture.Registry.Update(again, "kubectl");

        Assert.Equal(first.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
        Assert.True(JsonNode.DeepEquals(ModelJson.ToNode(first.Spec.Template), ModelJson.ToNode(updated.Spec.Template)));
    }

    [Fact]
    public void SelectorMustMatchTemplateLabels()
    {
        var error = _fixture.Reject(RegistryFixture.Vweb(d => d.Spec.Selector.MatchLabels["app"] = "other"));

        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"vweb\", \"version\":\"v1\"}: `selector` does not match template `labels`",
            error.Message);
        var cause = Assert.Single(error.Details!.Causes);
        Assert.Equal("FieldValueInvalid", cause.Reason);
        Assert.Equal("spec.template.metadata.labels", cause.Field);
        Assert.Equal("apps", error.Details.Group);
        Assert.Equal("Deployment", error.Details.Kind);
        Assert.Equal("vweb", error.Details.Name);
    }

    [Fact]
    public void MissingSelectorReportsBothProblems()
    {
        var error = _fixture.Reject(RegistryFixture.Vweb(d => d.Spec.Selector = null));

        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"vweb\", \"version\":\"v1\"}: `selector` does not match template `labels`]",
            error.Message);
        Assert.Equal(["FieldValueRequired", "FieldValueInvalid"], error.Details!.Causes.Select(c => c.Reason));
    }

    [Fact]
    public void SelectorIsImmutable()
    {
        var created = _fixture.Registry.Create(RegistryFixture.Vweb(), "kubectl");
        var changed = RegistryFixture.Manifest<V1Deployment>(ModelJson.Serialize(created));
        changed.Spec.Selector.MatchLabels["version"] = "v1";

        var error = RegistryFixture.Rejected(() => _fixture.Registry.Update(changed, "kubectl"));

        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"vweb\", \"version\":\"v1\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable",
            error.Message);
    }

    [Theory]
    [InlineData(0, 0, "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0")]
    [InlineData("0%", 0, "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0")]
    [InlineData("120%", 1, "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"120%\": must not be greater than 100%")]
    [InlineData(-1, 1, "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0")]
    [InlineData("abc", 1, "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")]
    public void RollingUpdateParameters(object maxUnavailable, int maxSurge, string message)
    {
        var error = _fixture.Reject(RegistryFixture.Vweb(d => d.Spec.Strategy = new V1DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDeployment
            {
                MaxUnavailable = maxUnavailable is int i ? i : (string)maxUnavailable,
                MaxSurge = maxSurge,
            },
        }));

        Assert.Equal($"Deployment.apps \"vweb\" is invalid: {message}", error.Message);
    }

    [Fact]
    public void RecreateForbidsRollingUpdate()
    {
        var error = _fixture.Reject(RegistryFixture.Vweb(d => d.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate", RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 1 } }));

        Assert.Equal("Deployment.apps \"vweb\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'", error.Message);
        Assert.Equal("FieldValueForbidden", error.Details!.Causes[0].Reason);
    }

    [Fact]
    public void UnknownStrategyType()
    {
        var error = _fixture.Reject(RegistryFixture.Vweb(d => d.Spec.Strategy = new V1DeploymentStrategy { Type = "BlueGreen" }));

        Assert.EndsWith("Unsupported value: apps.DeploymentStrategy{Type:\"BlueGreen\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("FieldValueNotSupported", error.Details!.Causes[0].Reason);
    }

    [Fact]
    public void NumericFields()
    {
        var error = _fixture.Reject(RegistryFixture.Vweb(d =>
        {
            d.Spec.Replicas = -1;
            d.Spec.MinReadySeconds = 30;
            d.Spec.ProgressDeadlineSeconds = 20;
            d.Spec.RevisionHistoryLimit = -2;
        }));

        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0, spec.progressDeadlineSeconds: Invalid value: 20: must be greater than minReadySeconds]",
            error.Message);
    }

    [Fact]
    public void SpecAndAnnotationChangesBumpTheGenerationLabelsAndStatusDoNot()
    {
        var created = _fixture.Registry.Create(RegistryFixture.Vweb(), "kubectl");
        var annotated = Write(created, d => d.Metadata.Annotations = new Dictionary<string, string> { ["team"] = "web" });
        var labelled = Write(annotated, d => d.Metadata.Labels = new Dictionary<string, string> { ["tier"] = "front" });
        var scaled = Write(labelled, d => d.Spec.Replicas = 5);
        var statusWithAnnotation = RegistryFixture.Copy(scaled);
        statusWithAnnotation.Metadata.Annotations["deployment.kubernetes.io/revision"] = "1";
        statusWithAnnotation.Metadata.Labels = null;
        statusWithAnnotation.Status = new V1DeploymentStatus { ObservedGeneration = 3, Replicas = 5 };
        var status = _fixture.Registry.UpdateStatus(statusWithAnnotation, "kube-controller-manager");

        Assert.Equal([1L, 2L, 2L, 3L, 3L], new[] { created, annotated, labelled, scaled, status }.Select(d => d.Metadata.Generation ?? 0));
        Assert.Equal("1", status.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("front", status.Metadata.Labels["tier"]);
        Assert.Equal(5, status.Spec.Replicas);
        Assert.Equal(5, status.Status.Replicas);
    }

    [Fact]
    public void AStatusWrittenWithACreateIsCleared()
    {
        var deployment = RegistryFixture.Vweb(d => d.Status = new V1DeploymentStatus { Replicas = 7, ObservedGeneration = 9 });

        var created = _fixture.Registry.Create(deployment, "kubectl");

        JsonAssert.Equal("{}", ModelJson.ToNode(created)["status"]);
    }

    private V1Deployment Write(V1Deployment stored, Action<V1Deployment> change)
    {
        var copy = RegistryFixture.Copy(stored);
        change(copy);
        return _fixture.Registry.Update(copy, "kubectl");
    }
}
