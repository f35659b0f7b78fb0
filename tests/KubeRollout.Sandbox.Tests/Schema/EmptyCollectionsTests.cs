using k8s.Models;
using KubeRollout.Sandbox.Schema;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Schema;

public class EmptyCollectionsTests
{
    [Fact]
    public void Empty_lists_and_maps_go_empty_objects_and_managedFields_stay()
    {
        var deployment = JsonAssert.Object("""
            {"metadata":{"name":"web","labels":{},"finalizers":[],"managedFields":[]},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"strategy":{},
               "template":{"metadata":{"annotations":{}},"spec":{"containers":[{"name":"web","image":"nginx","env":[],"resources":{},"ports":[]}],
                 "securityContext":{},"unknownField":[]}}}}
            """);

        EmptyCollections.Drop(deployment, typeof(V1Deployment));

        JsonAssert.Equal("""
            {"metadata":{"name":"web","managedFields":[]},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"strategy":{},
               "template":{"metadata":{},"spec":{"containers":[{"name":"web","image":"nginx","resources":{}}],"securityContext":{},"unknownField":[]}}}}
            """, deployment);
    }
}
