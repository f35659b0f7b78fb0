using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Admission;

/// <summary>Each rule with the message a real API server returns.</summary>
public class ValidationTests
{
    private readonly AdmissionFixture _fixture = new();

    private static V1Deployment Vweb(Action<V1Deployment>? change = null)
    {
        var deployment = AdmissionFixture.Manifest<V1Deployment>("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","namespace":"default"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"vweb"}},
               "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
                 "spec":{"containers":[{"name":"web","image":"kiamol/ch09-vweb:v1"}]}}}}
            """);
        change?.Invoke(deployment);
        return deployment;
    }

    private StoreException Reject<T>(T obj)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        var error = AdmissionFixture.Rejected(() => _fixture.Store.Create(obj, "kubectl"));
        Assert.Equal(422, error.Code);
        Assert.Equal("Invalid", error.Reason);
        return error;
    }

    [Fact]
    public void SelectorMustMatchTemplateLabels()
    {
        var error = Reject(Vweb(d => d.Spec.Selector.MatchLabels["app"] = "other"));

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
        var error = Reject(Vweb(d => d.Spec.Selector = null));

        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"vweb\", \"version\":\"v1\"}: `selector` does not match template `labels`]",
            error.Message);
        Assert.Equal(["FieldValueRequired", "FieldValueInvalid"], error.Details!.Causes.Select(c => c.Reason));
    }

    [Fact]
    public void SelectorIsImmutable()
    {
        var created = _fixture.Store.Create(Vweb(), "kubectl");
        var changed = AdmissionFixture.Manifest<V1Deployment>(ModelJson.Serialize(created));
        changed.Spec.Selector.MatchLabels["version"] = "v1";

        var error = AdmissionFixture.Rejected(() => _fixture.Store.Update(changed, "kubectl"));

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
        var error = Reject(Vweb(d => d.Spec.Strategy = new V1DeploymentStrategy
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
        var error = Reject(Vweb(d => d.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate", RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 1 } }));

        Assert.Equal("Deployment.apps \"vweb\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'", error.Message);
        Assert.Equal("FieldValueForbidden", error.Details!.Causes[0].Reason);
    }

    [Fact]
    public void UnknownStrategyType()
    {
        var error = Reject(Vweb(d => d.Spec.Strategy = new V1DeploymentStrategy { Type = "BlueGreen" }));

        Assert.EndsWith("Unsupported value: apps.DeploymentStrategy{Type:\"BlueGreen\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("FieldValueNotSupported", error.Details!.Causes[0].Reason);
    }

    [Fact]
    public void NumericFields()
    {
        var error = Reject(Vweb(d =>
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
    public void PodTemplateRules()
    {
        var error = Reject(Vweb(d =>
        {
            d.Spec.Template.Spec.RestartPolicy = "OnFailure";
            d.Spec.Template.Spec.Containers.Add(new V1Container { Name = "web" });
            d.Spec.Template.Spec.Containers.Add(new V1Container { Name = "Bad_Name", Image = "x", Ports = [new V1ContainerPort { ContainerPort = 70000 }] });
        }));

        Assert.Equal(
            [
                "spec.template.spec.containers[1].name: Duplicate value: \"web\"",
                "spec.template.spec.containers[1].image: Required value",
                "spec.template.spec.containers[2].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "spec.template.spec.containers[2].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"",
            ],
            error.Details!.Causes.Select(c => $"{c.Field}: {c.Message}"));
    }

    [Fact]
    public void NoContainers()
    {
        var error = Reject(Vweb(d => d.Spec.Template.Spec.Containers.Clear()));

        Assert.Equal("Deployment.apps \"vweb\" is invalid: spec.template.spec.containers: Required value", error.Message);
    }

    [Fact]
    public void NamesAndLabels()
    {
        var error = Reject(Vweb(d =>
        {
            d.Metadata.Name = "VWeb";
            d.Metadata.Labels = new Dictionary<string, string> { ["bad key!"] = "ok" };
        }));

        Assert.Equal(
            [
                "metadata.name: Invalid value: \"VWeb\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                "metadata.labels: Invalid value: \"bad key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            ],
            error.Details!.Causes.Select(c => $"{c.Field}: {c.Message}"));
    }

    [Fact]
    public void ServiceNamesAreDns1035Labels()
    {
        var error = Reject(AdmissionFixture.Manifest<V1Service>("""
            {"metadata":{"name":"1web","namespace":"default"},"spec":{"ports":[{"port":80},{"port":0,"name":"b"}]}}
            """));

        Assert.Equal(
            [
                "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
                "spec.ports[0].name: Required value",
                "spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[1].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
            ],
            error.Details!.Causes.Select(c => $"{c.Field}: {c.Message}"));
        Assert.StartsWith("Service \"1web\" is invalid: [", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatefulSetRules()
    {
        var sts = AdmissionFixture.Manifest<V1StatefulSet>("""
            {"metadata":{"name":"todo-db","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"todo-db"}},"serviceName":"todo-db","replicas":5,
               "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}},
               "template":{"metadata":{"labels":{"app":"todo-db"}},"spec":{"containers":[{"name":"db","image":"postgres:11.6-alpine",
                 "volumeMounts":[{"name":"data","mountPath":"/data"}]}]}},
               "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}
            """);
        var created = _fixture.Store.Create(sts, "kubectl");

        var lowered = AdmissionFixture.Manifest<V1StatefulSet>(ModelJson.Serialize(created));
        lowered.Spec.UpdateStrategy.RollingUpdate.Partition = 1;
        lowered.Spec.Template.Spec.Containers[0].Image = "postgres:11.7-alpine";
        _fixture.Store.Update(lowered, "kubectl");

        var renamed = AdmissionFixture.Manifest<V1StatefulSet>(ModelJson.Serialize(_fixture.Store.Get<V1StatefulSet>("default", "todo-db")!));
        renamed.Spec.ServiceName = "other";
        var error = AdmissionFixture.Rejected(() => _fixture.Store.Update(renamed, "kubectl"));
        Assert.Equal(
            "StatefulSet.apps \"todo-db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
            error.Message);

        var negative = AdmissionFixture.Manifest<V1StatefulSet>(ModelJson.Serialize(_fixture.Store.Get<V1StatefulSet>("default", "todo-db")!));
        negative.Spec.UpdateStrategy.RollingUpdate.Partition = -1;
        negative.Spec.UpdateStrategy.RollingUpdate.MaxUnavailable = 0;
        error = AdmissionFixture.Rejected(() => _fixture.Store.Update(negative, "kubectl"));
        Assert.Equal(
            [
                "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0",
                "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0",
            ],
            error.Details!.Causes.Select(c => $"{c.Field}: {c.Message}"));
    }

    [Theory]
    [InlineData(1, 1, "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero")]
    [InlineData(0, 0, "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0 when maxSurge is 0")]
    public void DaemonSetSurgeOrUnavailable(int maxUnavailable, int maxSurge, string message)
    {
        var ds = AdmissionFixture.Manifest<V1DaemonSet>("""
            {"metadata":{"name":"nginx","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}}
            """);
        ds.Spec.UpdateStrategy = new V1DaemonSetUpdateStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDaemonSet { MaxUnavailable = maxUnavailable, MaxSurge = maxSurge },
        };

        var error = Reject(ds);

        Assert.Equal($"DaemonSet.apps \"nginx\" is invalid: {message}", error.Message);
    }

    [Fact]
    public void ImmutableConfigMapRefusesDataChanges()
    {
        var created = _fixture.Store.Create(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = "vweb-config-v1", NamespaceProperty = "default" },
                Data = new Dictionary<string, string> { ["config.json"] = "{}" },
                Immutable = true,
            },
            "kubectl");
        var changed = AdmissionFixture.Manifest<V1ConfigMap>(ModelJson.Serialize(created));
        changed.Data["config.json"] = "{\"v\":2}";

        var error = AdmissionFixture.Rejected(() => _fixture.Store.Update(changed, "kubectl"));

        Assert.Equal("ConfigMap \"vweb-config-v1\" is invalid: data: Forbidden: field is immutable when `immutable` is set", error.Message);

        var relabelled = AdmissionFixture.Manifest<V1ConfigMap>(ModelJson.Serialize(created));
        relabelled.Metadata.Labels = new Dictionary<string, string> { ["version"] = "v1" };
        Assert.Equal("v1", _fixture.Store.Update(relabelled, "kubectl").Metadata.Labels["version"]);
    }

    [Fact]
    public void ConfigKeysAndImmutableSecrets()
    {
        var error = Reject(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "default" },
            Data = new Dictionary<string, string> { ["bad key"] = "x" },
        });
        Assert.Equal(
            "ConfigMap \"c\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
            error.Message);

        var secret = _fixture.Store.Create(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" }, Data = new Dictionary<string, byte[]> { ["p"] = [1] }, Immutable = true },
            "kubectl");
        var changed = AdmissionFixture.Manifest<V1Secret>(ModelJson.Serialize(secret));
        changed.Data["p"] = [2];
        error = AdmissionFixture.Rejected(() => _fixture.Store.Update(changed, "kubectl"));
        Assert.Equal("Secret \"s\" is invalid: data: Forbidden: field is immutable when `immutable` is set", error.Message);
    }

    [Fact]
    public void NamespaceNamesAreLabels()
    {
        var error = Reject(new V1Namespace { Metadata = new V1ObjectMeta { Name = "kiamol.ch09" } });

        Assert.StartsWith("Namespace \"kiamol.ch09\" is invalid: metadata.name: Invalid value: \"kiamol.ch09\": a lowercase RFC 1123 label", error.Message, StringComparison.Ordinal);
    }
}
