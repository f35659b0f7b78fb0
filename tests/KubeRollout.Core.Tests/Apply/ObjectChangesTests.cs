using KubeRollout.Core.Apply;
using KubeRollout.Core.Tests.Releases.Config;

namespace KubeRollout.Core.Tests.Apply;

public class ObjectChangesTests
{
    [Fact]
    public void Lists_every_changed_field_of_the_object_not_only_the_template()
    {
        var before = PodSpecs.Json("""
            {"kind":"Deployment","metadata":{"name":"web","resourceVersion":"7","generation":2,"annotations":{"kuberollout.io/last-applied-configuration":"{}"}},
             "spec":{"replicas":3,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%"}},"template":{"spec":{"containers":[{"name":"web","image":"a"}]}}},
             "status":{"replicas":3}}
            """);
        var after = PodSpecs.Json("""
            {"kind":"Deployment","metadata":{"name":"web","resourceVersion":"8","generation":3,"annotations":{"kuberollout.io/last-applied-configuration":"{\"x\":1}"}},
             "spec":{"replicas":5,"strategy":{"type":"Recreate"},"template":{"spec":{"containers":[{"name":"web","image":"b"}]}}},
             "status":{"replicas":1}}
            """);

        Assert.Equal(
            [
                "~ spec.replicas: 3 -> 5",
                "- spec.strategy.rollingUpdate.maxSurge: 25%",
                "~ spec.strategy.type: RollingUpdate -> Recreate",
                "~ spec.template.spec.containers[web].image: a -> b",
            ],
            ObjectChanges.Between("Deployment", before, after).Select(c => c.ToString()));
    }

    [Fact]
    public void A_service_selector_change_is_a_field_change()
    {
        var before = PodSpecs.Json("""{"kind":"Service","spec":{"selector":{"app":"vweb","slot":"blue"}}}""");
        var after = PodSpecs.Json("""{"kind":"Service","spec":{"selector":{"app":"vweb","slot":"green"}}}""");

        Assert.Equal(["~ spec.selector.slot: blue -> green"], ObjectChanges.Between("Service", before, after).Select(c => c.ToString()));
    }

    [Fact]
    public void The_data_of_configmaps_and_secrets_is_never_a_field_change()
    {
        var before = PodSpecs.Json("""{"metadata":{"labels":{"a":"1"}},"data":{"password":"b2xk"},"type":"Opaque"}""");
        var after = PodSpecs.Json("""{"metadata":{"labels":{"a":"2"}},"data":{"password":"bmV3"},"stringData":{"x":"y"},"type":"Opaque"}""");

        Assert.Equal(["~ metadata.labels.a: 1 -> 2"], ObjectChanges.Between("Secret", before, after).Select(c => c.ToString()));
        Assert.Empty(ObjectChanges.Between("ConfigMap", PodSpecs.Json("""{"data":{"k":"1"}}"""), PodSpecs.Json("""{"data":{"k":"2"}}""")));
    }
}
