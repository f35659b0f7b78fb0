using KubeRollout.Sandbox.Patching;

namespace KubeRollout.Sandbox.Tests.Patching;

public class JsonMergePatchTests
{
    [Fact]
    public void AnnotateMergesAndNullRemoves()
    {
        var target = JsonAssert.Object("""{"metadata":{"name":"vweb","annotations":{"old":"x","keep":"y"}},"spec":{"replicas":3}}""");
        var patch = JsonAssert.Object("""{"metadata":{"annotations":{"kubernetes.io/change-cause":"update to v2","old":null}}}""");

        var result = JsonMergePatch.Apply(target, patch);

        JsonAssert.Equal("""{"metadata":{"name":"vweb","annotations":{"keep":"y","kubernetes.io/change-cause":"update to v2"}},"spec":{"replicas":3}}""", result);
        JsonAssert.Equal("""{"metadata":{"name":"vweb","annotations":{"old":"x","keep":"y"}},"spec":{"replicas":3}}""", target);
    }

    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Rfc7386Examples(string target, string patch, string expected) =>
        JsonAssert.Equal(expected, JsonMergePatch.Apply(System.Text.Json.Nodes.JsonNode.Parse(target), System.Text.Json.Nodes.JsonNode.Parse(patch)));
}
