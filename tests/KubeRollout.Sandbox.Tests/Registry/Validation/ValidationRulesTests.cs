using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Registry.Validation;

/// <summary>The shared rules (pod templates, names and labels, config data) with the messages a real API server returns.</summary>
public class ValidationRulesTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void PodTemplateRules()
    {
        var error = _fixture.Reject(RegistryFixture.Vweb(d =>
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
        var error = _fixture.Reject(RegistryFixture.Vweb(d => d.Spec.Template.Spec.Containers.Clear()));

        Assert.Equal("Deployment.apps \"vweb\" is invalid: spec.template.spec.containers: Required value", error.Message);
    }

    [Fact]
    public void NamesAndLabels()
    {
        var error = _fixture.Reject(RegistryFixture.Vweb(d =>
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
    public void ImmutableConfigMapRefusesDataChanges()
    {
        var created = _fixture.Registry.Create(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = "vweb-config-v1", NamespaceProperty = "default" },
                Data = new Dictionary<string, string> { ["config.json"] = "{}" },
                Immutable = true,
            },
            "kubectl");
        var changed = RegistryFixture.Manifest<V1ConfigMap>(ModelJson.Serialize(created));
        changed.Data["config.json"] = "{\"v\":2}";

        var error = RegistryFixture.Rejected(() => _fixture.Registry.Update(changed, "kubectl"));

        Assert.Equal("ConfigMap \"vweb-config-v1\" is invalid: data: Forbidden: field is immutable when `immutable` is set", error.Message);

        var relabelled = RegistryFixture.Manifest<V1ConfigMap>(ModelJson.Serialize(created));
        relabelled.Metadata.Labels = new Dictionary<string, string> { ["version"] = "v1" };
        Assert.Equal("v1", _fixture.Registry.Update(relabelled, "kubectl").Metadata.Labels["version"]);
    }

    [Fact]
    public void ConfigKeysAndImmutableSecrets()
    {
        var error = _fixture.Reject(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "default" },
            Data = new Dictionary<string, string> { ["bad key"] = "x" },
        });
        Assert.Equal(
            "ConfigMap \"c\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
            error.Message);

        var secret = _fixture.Registry.Create(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" }, Data = new Dictionary<string, byte[]> { ["p"] = [1] }, Immutable = true },
            "kubectl");
        var changed = RegistryFixture.Manifest<V1Secret>(ModelJson.Serialize(secret));
        changed.Data["p"] = [2];
        error = RegistryFixture.Rejected(() => _fixture.Registry.Update(changed, "kubectl"));
        Assert.Equal("Secret \"s\" is invalid: data: Forbidden: field is immutable when `immutable` is set", error.Message);
    }
}
