using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Tests.Patching;

internal static class JsonAssert
{
    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"expected {expectedNode?.ToJsonString()}{Environment.NewLine}but got  {actual?.ToJsonString()}");
    }
}
