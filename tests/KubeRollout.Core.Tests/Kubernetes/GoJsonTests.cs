using System.Text.Json.Nodes;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Core.Tests.Kubernetes;

/// <summary>The expected texts are what kubectl 1.35 wrote into its last-applied record for the same objects.</summary>
public class GoJsonTests
{
    [Fact]
    public void Sorts_keys_and_escapes_as_go_does()
    {
        var configMap = JsonNode.Parse("""
            {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"esc","namespace":"shop","annotations":{"z":"1","a":"<&>"}},
             "data":{"n":"1.50","k":"é ü <b> & \u2028 \t x"},"binaryData":{}}
            """);

        Assert.Equal(
            """{"apiVersion":"v1","binaryData":{},"data":{"k":"é ü \u003cb\u003e \u0026 \u2028 \t x","n":"1.50"},"kind":"ConfigMap","metadata":{"annotations":{"a":"\u003c\u0026\u003e","z":"1"},"name":"esc","namespace":"shop"}}""",
            GoJson.Serialize(configMap));
    }

    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(1000.0, "1000")]
    [InlineData(1.5e-6, "0.0000015")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(2.5e-10, "2.5e-10")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1234567890123456.7, "1234567890123456.8")]
    [InlineData(-0.25, "-0.25")]
    public void Writes_floats_as_go_prints_a_float64(double number, string expected)
    {
        Assert.Equal(expected, GoJson.Serialize(JsonValue.Create(number)));
    }

    [Fact]
    public void Writes_integers_whole_and_control_characters_in_short_or_unicode_form()
    {
        Assert.Equal("""[123456789012,-3,true,null,"a\"b\\c\n\r\b\f\u0001"]""", GoJson.Serialize(new JsonArray(123456789012L, -3, true, null, "a\"b\\c\n\r\b\f\u0001")));
    }

    [Fact]
    public void Orders_keys_by_their_utf8_bytes()
    {
        var obj = new JsonObject { ["é"] = 1, ["\U0001F600"] = 2, ["a"] = 3, ["B"] = 4, ["\uFFFD"] = 5 };

        Assert.Equal("{\"B\":4,\"a\":3,\"é\":1,\"\uFFFD\":5,\"\U0001F600\":2}", GoJson.Serialize(obj));
    }
}
