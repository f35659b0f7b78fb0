using k8s.Models;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Registry.Apps.StatefulSets;

/// <summary>apps/v1 statefulsets through the registry.</summary>
public class StatefulSetRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void StatefulSetDefaultsIncludeClaimTemplates()
    {
        var manifest = RegistryFixture.Manifest<V1StatefulSet>("""
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"todo-db","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"todo-db"}},"serviceName":"todo-db","replicas":2,
               "template":{"metadata":{"labels":{"app":"todo-db"}},"spec":{"containers":[{"name":"db","image":"postgres:11.6-alpine",
                 "volumeMounts":[{"name":"data","mountPath":"/var/lib/postgresql/data"}],
                 "readinessProbe":{"httpGet":{"port":5432}}}],
                 "volumes":[{"name":"scripts","configMap":{"name":"todo-db-scripts","defaultMode":365}},{"name":"initdb","emptyDir":{}},{"name":"plain"}]}},
               "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"50Mi"}}}}]}}
            """);

        var spec = ModelJson.ToNode(_fixture.Registry.Create(manifest, "kubectl"))["spec"]!;

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
    public void StatefulSetRules()
    {
        var sts = RegistryFixture.Manifest<V1StatefulSet>("""
            {"metadata":{"name":"todo-db","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"todo-db"}},"serviceName":"todo-db","replicas":5,
               "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}},
               "template":{"metadata":{"labels":{"app":"todo-db"}},"spec":{"containers":[{"name":"db","image":"postgres:11.6-alpine",
                 "volumeMounts":[{"name":"data","mountPath":"/data"}]}]}},
               "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}
            """);
        var created = _fixture.Registry.Create(sts, "kubectl");

        var lowered = RegistryFixture.Manifest<V1StatefulSet>(ModelJson.Serialize(created));
        lowered.Spec.UpdateStrategy.RollingUpdate.Partition = 1;
        lowered.Spec.Template.Spec.Containers[0].Image = "postgres:11.7-alpine";
        _fixture.Registry.Update(lowered, "kubectl");

        var renamed = RegistryFixture.Manifest<V1StatefulSet>(ModelJson.Serialize(_fixture.Registry.Get<V1StatefulSet>("default", "todo-db")!));
        renamed.Spec.ServiceName = "other";
        var error = RegistryFixture.Rejected(() => _fixture.Registry.Update(renamed, "kubectl"));
        Assert.Equal(
            "StatefulSet.apps \"todo-db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
            error.Message);

        var negative = RegistryFixture.Manifest<V1StatefulSet>(ModelJson.Serialize(_fixture.Registry.Get<V1StatefulSet>("default", "todo-db")!));
        negative.Spec.UpdateStrategy.RollingUpdate.Partition = -1;
        negative.Spec.UpdateStrategy.RollingUpdate.MaxUnavailable = 0;
        error = RegistryFixture.Rejected(() => _fixture.Registry.Update(negative, "kubectl"));
        Assert.Equal(
            [
                "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0",
                "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0",
            ],
            error.Details!.Causes.Select(c => $"{c.Field}: {c.Message}"));
    }

    [Fact]
    public void OnlyChangesOfTheSpecBumpTheGeneration()
    {
        var created = _fixture.Registry.Create(RegistryFixture.Manifest<V1StatefulSet>("""
            {"metadata":{"name":"db","namespace":"default"},
             "spec":{"serviceName":"db","selector":{"matchLabels":{"app":"db"}},"template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"db","image":"postgres"}]}}}}
            """), "kubectl");
        var annotated = RegistryFixture.Copy(created);
        annotated.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "x" };
        var afterAnnotation = _fixture.Registry.Update(annotated, "kubectl");
        var partitioned = RegistryFixture.Copy(afterAnnotation);
        partitioned.Spec.UpdateStrategy.RollingUpdate.Partition = 1;
        var afterPartition = _fixture.Registry.Update(partitioned, "kubectl");

        Assert.Equal([1L, 1L, 2L], new[] { created, afterAnnotation, afterPartition }.Select(s => s.Metadata.Generation ?? 0));
    }
}
