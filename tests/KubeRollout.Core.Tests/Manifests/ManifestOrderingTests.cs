using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Tests.Manifests;

public class ManifestOrderingTests
{
    [Fact]
    public void Config_secrets_and_services_come_before_the_workloads_that_use_them()
    {
        var text = string.Join("\n---\n",
            Doc("apps/v1", "Deployment", "web"),
            Doc("v1", "Service", "web"),
            Doc("apps/v1", "StatefulSet", "db"),
            Doc("v1", "ConfigMap", "web-config"),
            Doc("v1", "Secret", "db-secret"),
            Doc("v1", "ConfigMap", "db-config"),
            Doc("v1", "Namespace", "todo"));

        var ordered = ManifestOrdering.Order(ManifestReader.ReadText(text, "app.yaml"));

        Assert.Equal(
            ["Namespace/todo", "Secret/db-secret", "ConfigMap/web-config", "ConfigMap/db-config", "Service/web", "StatefulSet/db", "Deployment/web"],
            ordered.Select(o => o.ToString()));
    }

    private static string Doc(string apiVersion, string kind, string name) => $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}";
}
