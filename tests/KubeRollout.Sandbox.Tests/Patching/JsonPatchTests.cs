using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Patching;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Tests.Patching;

public class JsonPatchTests
{
    [Fact]
    public void RolloutUndoReplacesTemplateAndAnnotations()
    {
        var deployment = JsonAssert.Object("""
            {"metadata":{"name":"vweb","annotations":{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"v2"}},
             "spec":{"replicas":3,"template":{"metadata":{"labels":{"app":"vweb"}},"spec":{"containers":[{"name":"web","image":"kiamol/ch09-vweb:v2"}]}}}}
            """);
        var undo = JsonNode.Parse("""
            [{"op":"replace","path":"/spec/template","value":{"metadata":{"labels":{"app":"vweb"}},"spec":{"containers":[{"name":"web","image":"kiamol/ch09-vweb:v1"}]}}},
             {"op":"replace","path":"/metadata/annotations","value":{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"v1"}}]
            """)!;

        var result = JsonPatch.Apply(deployment, undo);

        JsonAssert.Equal("""
            {"metadata":{"name":"vweb","annotations":{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"v1"}},
             "spec":{"replicas":3,"template":{"metadata":{"labels":{"app":"vweb"}},"spec":{"containers":[{"name":"web","image":"kiamol/ch09-vweb:v1"}]}}}}
            """, result);
        Assert.Equal("kiamol/ch09-vweb:v2", (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
    }

    [Fact]
    public void AddRemoveMoveCopyAndEscapes()
    {
        var doc = JsonAssert.Object("""{"metadata":{"labels":{"a/b":"1","c~d":"2"}},"list":[1,2,3]}""");
        var ops = JsonNode.Parse("""
            [{"op":"add","path":"/list/-","value":4},
             {"op":"add","path":"/list/0","value":0},
             {"op":"remove","path":"/list/2"},
             {"op":"move","from":"/metadata/labels/a~1b","path":"/metadata/labels/moved"},
             {"op":"copy","from":"/metadata/labels/c~0d","path":"/copied"},
             {"op":"test","path":"/copied","value":"2"}]
            """)!;

        JsonAssert.Equal("""{"metadata":{"labels":{"c~d":"2","moved":"1"}},"list":[0,1,3,4],"copied":"2"}""", JsonPatch.Apply(doc, ops));
    }

    [Theory]
    [InlineData("""[{"op":"test","path":"/spec/replicas","value":2}]""", 422, "testing value /spec/replicas failed: test failed")]
    [InlineData("""[{"op":"replace","path":"/spec/missing","value":2}]""", 422, "replace operation does not apply: doc is missing key: /spec/missing: missing value")]
    [InlineData("""[{"op":"remove","path":"/nothing/here"}]""", 422, "remove operation does not apply: doc is missing path: \"/nothing/here\": missing value")]
    [InlineData("""[{"op":"frobnicate","path":"/spec"}]""", 400, "Unexpected kind: frobnicate")]
    [InlineData("""{"op":"add"}""", 400, "json: cannot unmarshal object into Go value of type jsonpatch.Patch")]
    public void FailuresAreApiErrors(string operations, int code, string message)
    {
        var error = Assert.ThrowsAny<StoreException>(() => JsonPatch.Apply(JsonAssert.Object("""{"spec":{"replicas":3}}"""), JsonNode.Parse(operations)!));
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }
}
