using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;
using Xunit;

namespace KubeRollout.Sandbox.Tests.Storage;

public sealed class ModelJsonTests
{
    private static V1Pod Pod(string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "default",
            Uid = "0f6c1a52-8b1e-4f6a-9d3e-2b7c4e5a6d71",
            ResourceVersion = "12345",
            Labels = new Dictionary<string, string> { ["app"] = "web" },
            Annotations = new Dictionary<string, string> { ["note"] = new string('x', 100) },
            CreationTimestamp = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
    };

    [Fact]
    public void Writes_the_same_json_as_the_client_library()
    {
        var pod = Pod("web-1");

        Assert.Equal(KubernetesJson.Serialize(pod), ModelJson.Serialize(pod));
        Assert.Equal(KubernetesJson.Serialize(pod), System.Text.Encoding.UTF8.GetString(ModelJson.SerializeToUtf8(pod)));
    }

    [Fact]
    public void Copies_share_their_short_strings_and_keep_every_value()
    {
        var first = ObjectCloner.Clone(Pod("web-1"));
        var second = ObjectCloner.Clone(Pod("web-2"));

        Assert.Same(first.Spec.Containers[0].Image, second.Spec.Containers[0].Image);
        Assert.Same(first.Metadata.Labels["app"], second.Metadata.Labels["app"]);
        Assert.Same(first.Metadata.Labels.Keys.Single(), second.Metadata.Labels.Keys.Single());
        Assert.Equal("web-2", second.Metadata.Name);
        Assert.Equal(new string('x', 100), second.Metadata.Annotations["note"]);
        Assert.NotSame(first.Metadata.Annotations["note"], second.Metadata.Annotations["note"]); // long values are not kept
        Assert.NotSame(first.Metadata.Uid, second.Metadata.Uid); // nor values that only one object has
        Assert.NotSame(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);
        Assert.Equal("12345", second.Metadata.ResourceVersion);
        Assert.Equal(ModelJson.Serialize(Pod("web-2")), ModelJson.Serialize(second));
    }

    [Fact]
    public void A_value_that_is_no_string_is_a_decoding_error()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => ModelJson.Deserialize("""{"metadata":{"name":5}}""", typeof(V1Pod)));
    }

    [Fact]
    public void Objects_written_alike_share_one_decoded_field_set()
    {
        var fixture = new KubeRollout.Sandbox.Tests.Registry.RegistryFixture();
        V1ConfigMap ConfigMap(string name) => new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Data = new Dictionary<string, string> { ["key"] = name },
        };

        var first = fixture.Registry.Create(ConfigMap("one"), "kubectl");
        var second = fixture.Registry.Create(ConfigMap("two"), "kubectl");

        Assert.Same(first.Metadata.ManagedFields.Single().FieldsV1, second.Metadata.ManagedFields.Single().FieldsV1);
        var fields = KubernetesJson.Serialize(second.Metadata.ManagedFields.Single().FieldsV1);
        Assert.StartsWith("""{"f:data":{".":{},"f:key":{}},""", fields, StringComparison.Ordinal);
        Assert.Contains("\"f:labels\":{\".\":{},\"f:app\":{}}", fields, StringComparison.Ordinal);
        Assert.Equal("kubectl", second.Metadata.ManagedFields.Single().Manager);
        Assert.Equal(DateTimeKind.Utc, second.Metadata.ManagedFields.Single().Time!.Value.Kind);
    }
}
