using k8s;
using k8s.Models;
using KubeRollout.Core.Kubernetes;
using KubeRollout.Core.Tests.Releases.Config;

namespace KubeRollout.Core.Tests.Kubernetes;

public class ConfigReferencesTests
{
    [Fact]
    public void Finds_every_kind_of_reference_with_where_it_is_whether_it_is_optional_and_the_keys_it_needs()
    {
        var found = ConfigReferences.InPodSpec(PodSpecs.Json(PodSpecs.EveryReference))
            .Select(r => $"{r.Kind} {r.Name} {r.Usage} [{r.Where}] optional={r.Optional} keys={string.Join("+", r.Keys)}")
            .ToList();

        Assert.Equal(
            [
                "ConfigMap cfg Volume [volume site] optional=False keys=index.html",
                "Secret sec Volume [volume creds] optional=True keys=",
                "ConfigMap cfg ProjectedVolume [projected volume all] optional=False keys=",
                "Secret sec ProjectedVolume [projected volume all] optional=False keys=token",
                "ConfigMap cfg EnvFrom [envFrom of init container setup] optional=False keys=",
                "Secret sec EnvFrom [envFrom of init container setup] optional=True keys=",
                "ConfigMap cfg EnvValueFrom [env RELEASE of container web] optional=False keys=release",
                "Secret sec EnvValueFrom [env PASSWORD of container web] optional=False keys=password",
                "ConfigMap cfg EnvValueFrom [env R of ephemeral container debug] optional=True keys=release",
                "Secret sec ImagePullSecret [imagePullSecrets] optional=False keys=",
            ],
            found);
    }

    [Fact]
    public void A_kubelet_needs_the_non_optional_references_but_not_the_pull_secrets()
    {
        var needed = ConfigReferences.InPodSpec(PodSpecs.Json(PodSpecs.EveryReference)).Where(r => r.NeededToStart).Select(r => r.Where).ToList();

        Assert.DoesNotContain("imagePullSecrets", needed);
        Assert.DoesNotContain("volume creds", needed);
        Assert.Contains("env PASSWORD of container web", needed);
    }

    [Theory]
    [InlineData("""{"kind":"Pod","metadata":{"name":"p"},"spec":POD}""")]
    [InlineData("""{"kind":"StatefulSet","spec":{"template":{"spec":POD}}}""")]
    [InlineData("""{"kind":"DaemonSet","spec":{"template":{"spec":POD}}}""")]
    [InlineData("""{"kind":"Job","spec":{"template":{"spec":POD}}}""")]
    [InlineData("""{"kind":"CronJob","spec":{"jobTemplate":{"spec":{"template":{"spec":POD}}}}}""")]
    public void Finds_the_pod_spec_of_every_kind_that_has_one(string obj)
    {
        var json = PodSpecs.Json(obj.Replace("POD", PodSpecs.EveryReference, StringComparison.Ordinal));

        Assert.Equal(10, ConfigReferences.InObject(json).Count);
    }

    [Fact]
    public void Objects_without_a_pod_spec_and_list_items_without_a_kind()
    {
        Assert.Empty(ConfigReferences.InObject(PodSpecs.Json("""{"kind":"Service","spec":{"selector":{"app":"x"}}}""")));
        var item = PodSpecs.Json("""{"metadata":{"name":"d"},"spec":{"template":{"spec":""" + PodSpecs.EveryReference + "}}}");
        Assert.Empty(ConfigReferences.InObject(item));
        Assert.Equal(10, ConfigReferences.InObject(item, "Deployment").Count);
    }

    [Fact]
    public void Names_the_configmaps_and_secrets_of_a_typed_template_each_once()
    {
        var template = new V1PodTemplateSpec { Spec = KubernetesJson.Deserialize<V1PodSpec>(PodSpecs.EveryReference) };

        Assert.Equal(["cfg"], ConfigReferences.NamesIn(template, ConfigReference.ConfigMap));
        Assert.Equal(["sec"], ConfigReferences.NamesIn(template, ConfigReference.Secret));
        Assert.Empty(ConfigReferences.NamesIn(null, ConfigReference.ConfigMap));
    }
}
