using System.Text.Json.Nodes;
using KubeRollout.Core.Releases.Config;

namespace KubeRollout.Core.Tests.Releases.Config;

/// <summary>
/// The expected names are what kubectl 1.35.2 printed for `kubectl create configmap|secret ... --append-hash
/// --dry-run=client -o yaml` with the same content.
/// </summary>
public class ConfigContentHashTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Theory]
    // kubectl create configmap x --from-literal=a=b
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"b"}}""", "x-64686gkt6c")]
    // kubectl create configmap y (no data: kubectl marshals an empty map)
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"y"},"data":{}}""", "y-fc44bk2mfg")]
    // kubectl create configmap z --from-literal=html='<p>a & b</p>' --from-literal=k2=$'x\ty\u2028é' (Go's HTML escaping)
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"z"},"data":{"k2":"x\ty\u2028é","html":"<p>a & b</p>"}}""", "z-9f24k9db7t")]
    // kubectl create configmap b --from-literal=k=$'a\bb\fc\x01d\x7fe' (short escapes for \b and \f, \u0001, DEL as is)
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"b"},"data":{"k":"a\bb\fc\u0001d\u007fe"}}""", "b-428g7f7m4m")]
    // kubectl create configmap multi --from-literal=b=2 --from-literal=a=1
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"multi"},"data":{"b":"2","a":"1"}}""", "multi-tck5t5tm52")]
    // kubectl create configmap bin --from-file=f=<bytes ff 00 01 "binary"> --from-literal=t=text
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"bin"},"data":{"t":"text"},"binaryData":{"f":"/wABYmluYXJ5"}}""", "bin-k95bgb7949")]
    // kubectl create secret generic x --from-literal=a=b (no type: kubectl hashes "type":"")
    [InlineData("""{"kind":"Secret","metadata":{"name":"x"},"data":{"a":"Yg=="}}""", "x-k694gm4m9h")]
    // kubectl create secret generic multi --from-literal=b=2 --from-literal=a=1 --from-literal=c=3
    [InlineData("""{"kind":"Secret","metadata":{"name":"multi"},"data":{"c":"Mw==","a":"MQ==","b":"Mg=="}}""", "multi-gc7f6bt72t")]
    // kubectl create secret generic multi --from-literal=password=s3cr3t-Zebra-42 --type=Opaque
    [InlineData("""{"kind":"Secret","type":"Opaque","metadata":{"name":"multi"},"data":{"password":"czNjcjN0LVplYnJhLTQy"}}""", "multi-48b8ht5bdd")]
    // kubectl create secret docker-registry d --docker-server=s --docker-username=u --docker-password=p
    [InlineData("""{"kind":"Secret","type":"kubernetes.io/dockerconfigjson","metadata":{"name":"d"},"data":{".dockerconfigjson":"eyJhdXRocyI6eyJzIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImF1dGgiOiJkVHB3In19fQ=="}}""", "d-65tkdkfhtb")]
    public void Names_an_object_as_kubectl_append_hash_does(string obj, string expected)
    {
        Assert.Equal(expected, ConfigContentHash.NameOf(Json(obj)));
    }

    [Fact]
    public void Encodes_the_identity_and_content_as_Go_marshals_them()
    {
        var encoded = ConfigContentHash.Encoded(Json("""{"kind":"ConfigMap","metadata":{"name":"z","labels":{"l":"v"}},"immutable":true,"data":{"b":"<&>","a":"1"}}"""));

        Assert.Equal("""{"data":{"a":"1","b":"\u003c\u0026\u003e"},"immutable":true,"kind":"ConfigMap","name":"z"}""", encoded);
    }

    [Fact]
    public void The_same_content_gives_the_same_suffix_whatever_the_order_of_keys_and_the_metadata()
    {
        var one = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"a":"1","b":"2","c":"3"}}""");
        var other = Json("""{"kind":"ConfigMap","data":{"c":"3","a":"1","b":"2"},"metadata":{"labels":{"team":"web"},"annotations":{"note":"x"},"name":"cfg"},"apiVersion":"v1"}""");

        Assert.Equal(ConfigContentHash.Of(one), ConfigContentHash.Of(other));
    }

    [Theory]
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"a":"1","b":"3"}}""")] // a value
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"a":"1","c":"2"}}""")] // a key
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"other"},"data":{"a":"1","b":"2"}}""")] // the name
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"cfg"},"immutable":true,"data":{"a":"1","b":"2"}}""")] // immutable
    [InlineData("""{"kind":"Secret","metadata":{"name":"cfg"},"data":{"a":"MQ==","b":"Mg=="}}""")] // the kind
    public void Other_content_gives_another_suffix(string changed)
    {
        var original = Json("""{"kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"a":"1","b":"2"}}""");

        Assert.NotEqual(ConfigContentHash.Of(original), ConfigContentHash.Of(Json(changed)));
    }

    [Fact]
    public void A_suffix_has_ten_characters_without_vowels_or_the_digits_0_1_3()
    {
        for (var i = 0; i < 200; i++)
        {
            var suffix = ConfigContentHash.Of(Json($$$"""{"kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"n":"{{{i}}}"}}"""));

            Assert.Equal(10, suffix.Length);
            Assert.Matches("^[2456789bcdfghkmt]{10}$", suffix);
        }
    }

    [Fact]
    public void A_secret_is_encoded_with_its_type_empty_when_unset_and_its_data_as_base64()
    {
        var secret = Json("""{"kind":"Secret","metadata":{"name":"s"},"data":{"k":"YQ=="}}""");

        Assert.Equal("""{"data":{"k":"YQ=="},"kind":"Secret","name":"s","type":""}""", ConfigContentHash.Encoded(secret));
    }
}
