using System.Text.Json.Nodes;
using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Admission;

/// <summary>Stored objects compared with what a real 1.35 cluster returns for the same manifest.</summary>
public class DefaultingTests
{
    private readonly AdmissionFixture _fixture = new();

    private const string VwebV1 = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vweb","namespace":"default","labels":{"kiamol":"ch09"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"vweb"}},
           "template":{"metadata":{"labels":{"app":"vweb","version":"v1"}},
             "spec":{"containers":[{"name":"web","image":"kiamol/ch09-vweb:v1","ports":[{"name":"http","containerPort":80}]}]}}}}
        """;

    [Fact]
    public void DeploymentLooksAsOnARealCluster()
    {
        var stored = _fixture.Store.Create(AdmissionFixture.Manifest<V1Deployment>(VwebV1), "kubectl-client-side-apply");

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
        var manifest = AdmissionFixture.Manifest<V1Deployment>(VwebV1);
        manifest.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate" };

        var stored = _fixture.Store.Create(manifest, "kubectl");

        JsonAssert.Equal("""{"type":"Recreate"}""", ModelJson.ToNode(stored)["spec"]!["strategy"]);
    }

    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("localhost:5000/nginx", "Always")]
    [InlineData("localhost:5000/nginx:1.25", "IfNotPresent")]
    [InlineData("kiamol/ch09-vweb:v1", "IfNotPresent")]
    [InlineData("nginx@sha256:abcd", "IfNotPresent")]
    public void ImagePullPolicyFollowsTheTag(string image, string policy) =>
        Assert.Equal(policy, KubeRollout.Sandbox.Admission.Defaulting.PodSpecDefaults.PullPolicyFor(image));

    [Fact]
    public void StatefulSetDefaultsIncludeClaimTemplates()
    {
        var manifest = AdmissionFixture.Manifest<V1StatefulSet>("""
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"todo-db","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"todo-db"}},"serviceName":"todo-db","replicas":2,
               "template":{"metadata":{"labels":{"app":"todo-db"}},"spec":{"containers":[{"name":"db","image":"postgres:11.6-alpine",
                 "volumeMounts":[{"name":"data","mountPath":"/var/lib/postgresql/data"}],
                 "readinessProbe":{"httpGet":{"port":5432}}}],
                 "volumes":[{"name":"scripts","configMap":{"name":"todo-db-scripts","defaultMode":365}},{"name":"initdb","emptyDir":{}},{"name":"plain"}]}},
               "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"50Mi"}}}}]}}
            """);

        var spec = ModelJson.ToNode(_fixture.Store.Create(manifest, "kubectl"))["spec"]!;

        Assert.Equal("OrderedReady", (string?)spec["podManagementPolicy"]);
        Assert.Equal("todo-db", (string?)spec["serviceName"]);
        JsonAssert.Equal("""{"rollingUpdate":{"partition":0},"type":"RollingUpdate"}""", spec["updateStrategy"]);
        JsonAssert.Equal("""{"whenDeleted":"Retain","whenScaled":"Retain"}""", spec["persistentVolumeClaimRetentionPolicy"]);
        Assert.Equal(10, (int)spec["revisionHistoryLimit"]!);
        JsonAssert.Equal("""
            {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},
             "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"50Mi"}},"volumeMode":"Filesystem"},
             "status":{"phase":"Pending"}}
            """, spec["volumeClaimTemplates"]![0]);
        JsonAssert.Equal("""
            [{"name":"scripts","configMap":{"name":"todo-db-scripts","defaultMode":365}},{"name":"initdb","emptyDir":{}},{"name":"plain","emptyDir":{}}]
            """, spec["template"]!["spec"]!["volumes"]);
        JsonAssert.Equal("""
            {"failureThreshold":3,"httpGet":{"path":"/","port":5432,"scheme":"HTTP"},"periodSeconds":10,"successThreshold":1,"timeoutSeconds":1}
            """, spec["template"]!["spec"]!["containers"]![0]!["readinessProbe"]);
    }

    [Fact]
    public void DaemonSetDefaults()
    {
        var manifest = AdmissionFixture.Manifest<V1DaemonSet>("""
            {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"nginx","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}}
            """);

        var spec = ModelJson.ToNode(_fixture.Store.Create(manifest, "kubectl"))["spec"]!;

        JsonAssert.Equal("""{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1},"type":"RollingUpdate"}""", spec["updateStrategy"]);
        Assert.Equal(10, (int)spec["revisionHistoryLimit"]!);
    }

    [Fact]
    public void ServiceGetsAClusterIpAndPortDefaults()
    {
        var manifest = AdmissionFixture.Manifest<V1Service>("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"vweb","namespace":"default"},
             "spec":{"selector":{"app":"vweb"},"ports":[{"name":"http","port":8090,"targetPort":"http"},{"name":"metrics","port":9090}],"type":"LoadBalancer"}}
            """);

        var stored = _fixture.Store.Create(manifest, "kubectl");

        var spec = ModelJson.ToNode(stored)["spec"]!.AsObject();
        var clusterIp = (string?)spec["clusterIP"];
        Assert.StartsWith("10.", clusterIp, StringComparison.Ordinal);
        var octets = clusterIp!.Split('.').Select(int.Parse).ToArray();
        Assert.InRange(octets[1], 96, 111);
        JsonAssert.Equal($"[\"{clusterIp}\"]", spec["clusterIPs"]);
        JsonAssert.Equal("""["IPv4"]""", spec["ipFamilies"]);
        Assert.Equal("SingleStack", (string?)spec["ipFamilyPolicy"]);
        Assert.Equal("Cluster", (string?)spec["internalTrafficPolicy"]);
        Assert.Equal("Cluster", (string?)spec["externalTrafficPolicy"]);
        Assert.Equal("None", (string?)spec["sessionAffinity"]);
        Assert.True((bool)spec["allocateLoadBalancerNodePorts"]!);
        var ports = spec["ports"]!.AsArray();
        Assert.Equal("http", (string?)ports[0]!["targetPort"]);
        Assert.Equal(9090, (int)ports[1]!["targetPort"]!);
        Assert.All(ports, p => Assert.Equal("TCP", (string?)p!["protocol"]));
        Assert.All(ports, p => Assert.InRange((int)p!["nodePort"]!, 30000, 32767));
        JsonAssert.Equal("""{"loadBalancer":{}}""", ModelJson.ToNode(stored)["status"]);

        // An update that leaves the allocations out keeps them.
        var update = AdmissionFixture.Manifest<V1Service>(ModelJson.Serialize(stored));
        update.Spec.ClusterIP = null;
        update.Spec.ClusterIPs = null;
        update.Spec.Ports[0].NodePort = null;
        update.Spec.Selector["app"] = "vweb-v2";
        var updated = _fixture.Store.Update(update, "kubectl");
        Assert.Equal(clusterIp, updated.Spec.ClusterIP);
        Assert.Equal(stored.Spec.Ports[0].NodePort, updated.Spec.Ports[0].NodePort);
    }

    [Fact]
    public void ServiceClusterIpOutsideTheRangeIsRefused()
    {
        var manifest = AdmissionFixture.Manifest<V1Service>("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"vweb","namespace":"default"},"spec":{"clusterIP":"192.168.1.1","ports":[{"port":80}]}}
            """);

        var error = AdmissionFixture.Rejected(() => _fixture.Store.Create(manifest, "kubectl"));

        Assert.Equal(
            "Service \"vweb\" is invalid: spec.clusterIPs[0]: Invalid value: \"192.168.1.1\": failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12",
            error.Message);
    }

    [Fact]
    public void NamespaceSecretAndClaimDefaults()
    {
        var ns = ModelJson.ToNode(_fixture.Store.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "kiamol" } }, "kubectl"));
        JsonAssert.Equal("""{"kubernetes.io/metadata.name":"kiamol"}""", ns["metadata"]!["labels"]);
        JsonAssert.Equal("""{"finalizers":["kubernetes"]}""", ns["spec"]);
        JsonAssert.Equal("""{"phase":"Active"}""", ns["status"]);

        var secret = _fixture.Store.Create(new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" } }, "kubectl");
        Assert.Equal("Opaque", secret.Type);

        var claim = _fixture.Store.Create(
            AdmissionFixture.Manifest<V1PersistentVolumeClaim>("""
                {"metadata":{"name":"data","namespace":"default"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}
                """),
            "kubectl");
        Assert.Equal("Filesystem", claim.Spec.VolumeMode);
        Assert.Equal("Pending", claim.Status.Phase);
    }

    [Theory]
    [InlineData("""{}""", "BestEffort")]
    [InlineData("""{"requests":{"cpu":"100m"}}""", "Burstable")]
    [InlineData("""{"limits":{"cpu":"100m","memory":"64Mi"}}""", "Guaranteed")]
    [InlineData("""{"limits":{"cpu":"100m","memory":"64Mi"},"requests":{"cpu":"50m"}}""", "Burstable")]
    public void PodsGetStatusPendingAndTheirQosClass(string resources, string qosClass)
    {
        var pod = AdmissionFixture.Manifest<V1Pod>("""
            {"metadata":{"name":"p","namespace":"default"},"spec":{"containers":[{"name":"c","image":"nginx","resources":RESOURCES}]}}
            """.Replace("RESOURCES", resources, StringComparison.Ordinal));

        var stored = ModelJson.ToNode(_fixture.Store.Create(pod, "kubectl"));

        JsonAssert.Equal($$"""{"phase":"Pending","qosClass":"{{qosClass}}"}""", stored["status"]);
        var spec = stored["spec"]!;
        Assert.True((bool)spec["enableServiceLinks"]!);
        Assert.Equal("default", (string?)spec["serviceAccountName"]);
        Assert.Equal(0, (int)spec["priority"]!);
        Assert.Equal(2, spec["tolerations"]!.AsArray().Count);
    }

    [Fact]
    public void TemplatesCompareEqualAfterARoundTrip()
    {
        var first = _fixture.Store.Create(AdmissionFixture.Manifest<V1Deployment>(VwebV1), "kubectl");
        var again = AdmissionFixture.Manifest<V1Deployment>(ModelJson.Serialize(first));

        var updated = _fixture.Store.Update(again, "kubectl");

        Assert.Equal(first.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
        Assert.True(JsonNode.DeepEquals(ModelJson.ToNode(first.Spec.Template), ModelJson.ToNode(updated.Spec.Template)));
    }
}
