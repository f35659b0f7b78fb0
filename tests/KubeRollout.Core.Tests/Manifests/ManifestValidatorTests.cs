using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Tests.Manifests;

public class ManifestValidatorTests
{
    private static string Deployment(string strategy = "", string selector = "app: vweb", string name = "vweb") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
        spec:
          selector:
            matchLabels:
              {{selector}}
        {{strategy}}
          template:
            metadata:
              labels:
                app: vweb
            spec:
              containers:
                - name: web
                  image: kiamol/ch09-vweb:v1
        """;

    private static IReadOnlyList<ManifestProblem> Validate(string text) =>
        ManifestValidator.Validate(Assert.Single(ManifestReader.ReadText(text, "d.yaml")));

    [Fact]
    public void A_valid_deployment_has_no_problems() => Assert.Empty(Validate(Deployment()));

    [Fact]
    public void Selector_must_match_template_labels()
    {
        var problem = Assert.Single(Validate(Deployment(selector: "app: other")));

        Assert.Equal("spec.template.metadata.labels", problem.Field);
        Assert.Contains("`selector` does not match template `labels`", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0", "spec.strategy.rollingUpdate.maxUnavailable", "may not be 0 when `maxSurge` is 0")]
    [InlineData("  strategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 120%", "spec.strategy.rollingUpdate.maxUnavailable", "must not be greater than 100%")]
    [InlineData("  strategy:\n    rollingUpdate:\n      maxSurge: -1", "spec.strategy.rollingUpdate.maxSurge", "must be greater than or equal to 0")]
    [InlineData("  strategy:\n    rollingUpdate:\n      maxSurge: lots", "spec.strategy.rollingUpdate.maxSurge", "a valid percent string")]
    [InlineData("  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1", "spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'")]
    [InlineData("  strategy:\n    type: BlueGreen", "spec.strategy", "Unsupported value: apps.DeploymentStrategy{Type:\"BlueGreen\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\"")]
    [InlineData("  replicas: -2", "spec.replicas", "must be greater than or equal to 0")]
    [InlineData("  minReadySeconds: 30\n  progressDeadlineSeconds: 20", "spec.progressDeadlineSeconds", "must be greater than minReadySeconds")]
    public void Rejects_what_the_api_rejects(string strategy, string field, string message)
    {
        var problem = Assert.Single(Validate(Deployment(strategy)));

        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_names_that_are_not_dns_subdomains() =>
        Assert.Equal("metadata.name", Assert.Single(Validate(Deployment(name: "Web_1"))).Field);

    [Theory]
    [InlineData("maxSurge: 1\n        maxUnavailable: 1", "may not be set when maxUnavailable is non-zero")]
    [InlineData("maxSurge: 0\n        maxUnavailable: 0", "cannot be 0 when maxSurge is 0")]
    public void DaemonSets_take_exactly_one_of_surge_and_unavailable(string rollingUpdate, string message)
    {
        var text = $$"""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: nginx
            spec:
              selector:
                matchLabels:
                  app: nginx
              updateStrategy:
                rollingUpdate:
                    {{rollingUpdate}}
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                    - name: nginx
                      image: nginx:1.17-alpine
            """;

        Assert.Contains(message, Assert.Single(Validate(text)).Message, StringComparison.Ordinal);
    }
}
