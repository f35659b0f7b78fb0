using System.Text;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Api.Protobuf;
using KubeRollout.Sandbox.Api.Requests.Protobuf;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Api.Protobuf;

public sealed class ProtobufBodyTests
{
    [Theory]
    [InlineData( // kubectl create namespace x
        "6b 38 73 00 0a 0f 0a 02 76 31 12 09 4e 61 6d 65 73 70 61 63 65 12 19 0a 11 0a 01 78 12 00 1a 00 22 00 2a 00 32 00 38 00 42 00 12 00 1a 02 0a 00 1a 00 22 00",
        """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x"},"spec":{}}""")]
    [InlineData( // kubectl create secret generic s --from-literal=p=q
        "6b 38 73 00 0a 0c 0a 02 76 31 12 06 53 65 63 72 65 74 12 1d 0a 11 0a 01 73 12 00 1a 00 22 00 2a 00 32 00 38 00 42 00 12 06 0a 01 70 12 01 71 1a 00 1a 00 22 00",
        """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"p":"cQ=="}}""")]
    [InlineData( // kubectl create service clusterip s --tcp=80:8080
        "6b 38 73 00 0a 0d 0a 02 76 31 12 07 53 65 72 76 69 63 65 12 63 0a 1b 0a 01 73 12 00 1a 00 22 00 2a 00 32 00 38 00 42 00 5a 08 0a 03 61 70 70 12 01 73 12 40 0a 1b 0a 07 38 30 2d 38 30 38 30 12 03 54 43 50 18 50 22 07 08 00 10 90 3f 1a 00 28 00 12 08 0a 03 61 70 70 12 01 73 1a 00 22 09 43 6c 75 73 74 65 72 49 50 3a 00 42 00 52 00 5a 00 60 00 68 00 1a 02 0a 00 1a 00 22 00",
        """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","labels":{"app":"s"}},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}],"selector":{"app":"s"},"type":"ClusterIP"}}""")]
    [InlineData( // kubectl create deployment d --image=nginx:1.27 --replicas=2
        "6b 38 73 00 0a 15 0a 07 61 70 70 73 2f 76 31 12 0a 44 65 70 6c 6f 79 6d 65 6e 74 12 a8 01 0a 1b 0a 01 64 12 00 1a 00 22 00 2a 00 32 00 38 00 42 00 5a 08 0a 03 61 70 70 12 01 64 12 7b 08 02 12 0a 0a 08 0a 03 61 70 70 12 01 64 1a 63 0a 1a 0a 00 12 00 1a 00 22 00 2a 00 32 00 38 00 42 00 5a 08 0a 03 61 70 70 12 01 64 12 45 12 27 0a 05 6e 67 69 6e 78 12 0a 6e 67 69 6e 78 3a 31 2e 32 37 2a 00 42 00 6a 00 72 00 80 01 00 88 01 00 90 01 00 a2 01 00 1a 00 32 00 42 00 4a 00 52 00 58 00 60 00 68 00 82 01 00 8a 01 00 9a 01 00 c2 01 00 22 02 0a 00 28 00 38 00 1a 0c 08 00 10 00 18 00 20 00 28 00 38 00 1a 00 22 00",
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","labels":{"app":"d"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"d"}},"template":{"metadata":{"labels":{"app":"d"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","resources":{}}]}},"strategy":{}}}""")]
    public void Kubectls_own_bodies_become_the_json_kubectl_would_send(string hex, string expected)
    {
        JsonAssert.Equal(expected, Decode(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal))));
    }

    [Fact]
    public void Object_meta_carries_names_maps_owner_references_and_times()
    {
        var body = ProtoWriter.Envelope("v1", "ConfigMap", m => m
            .Message(1, meta => meta
                .String(1, string.Empty)
                .String(2, "cfg-")
                .String(3, "team")
                .Varint(7, 0)
                .Message(8, time => time.Varint(1, 1_700_000_000).Varint(2, 5))
                .Message(9, _ => { })
                .Entry(11, "app", "web")
                .Entry(12, "note", string.Empty)
                .Message(13, owner => owner.String(5, "apps/v1").String(1, "ReplicaSet").String(3, "web-1").String(4, "uid-1").Bool(6, true).Bool(7, false))
                .String(14, "example.com/keep"))
            .Entry(2, "a", "b")
            .Entry(2, "empty", string.Empty)
            .Message(3, entry => entry.String(1, "bin").Bytes(2, [0, 1, 2])));

        JsonAssert.Equal(
            """
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"generateName":"cfg-","namespace":"team","creationTimestamp":"2023-11-14T22:13:20Z",
                         "labels":{"app":"web"},"annotations":{"note":""},
                         "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-1","uid":"uid-1","controller":true,"blockOwnerDeletion":false}],
                         "finalizers":["example.com/keep"]},
             "data":{"a":"b","empty":""},"binaryData":{"bin":"AAEC"}}
            """,
            Decode(body));
    }

    [Fact]
    public void A_deployment_keeps_explicit_zeros_int_or_strings_and_the_pod_template()
    {
        var body = ProtoWriter.Envelope("apps/v1", "Deployment", d => d
            .Message(1, meta => meta.String(1, "web"))
            .Message(2, spec => spec
                .Varint(1, 0)
                .Message(2, selector => selector
                    .Entry(1, "app", "web")
                    .Message(2, requirement => requirement.String(1, "tier").String(2, "In").String(3, "a").String(3, "b")))
                .Message(3, template => template
                    .Message(1, meta => meta.Entry(11, "app", "web"))
                    .Message(2, pod => pod
                        .Message(2, container => container
                            .String(1, "web")
                            .String(2, "nginx:1.27")
                            .String(3, "sleep").String(4, "100")
                            .Message(6, port => port.String(1, "http").Varint(3, 8080).String(4, "TCP"))
                            .Message(7, env => env.String(1, "MODE").String(2, "fast"))
                            .Message(7, env => env.String(1, "KEY").Message(3, from => from
                                .Message(3, key => key.Message(1, reference => reference.String(1, "settings")).String(2, "key").Bool(3, true))))
                            .Message(7, env => env.String(1, "NODE").Message(3, from => from.Message(1, field => field.String(2, "spec.nodeName"))))
                            .Message(8, resources => resources
                                .Message(1, limit => limit.String(1, "cpu").Message(2, quantity => quantity.String(1, "500m")))
                                .Message(2, request => request.String(1, "memory").Message(2, quantity => quantity.String(1, "64Mi")))))
                        .Varint(4, 0)
                        .Entry(7, "disk", "ssd")
                        .Bool(11, false)))
                .Message(4, strategy => strategy
                    .String(1, "RollingUpdate")
                    .Message(2, rolling => rolling
                        .Message(1, unavailable => unavailable.Varint(1, 0).Varint(2, 0))
                        .Message(2, surge => surge.Varint(1, 1).String(3, "25%"))))
                .Varint(5, 0)
                .Varint(6, 0)
                .Varint(9, 120)));

        JsonAssert.Equal(
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"replicas":0,
                     "selector":{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]},
                     "template":{"metadata":{"labels":{"app":"web"}},
                                 "spec":{"containers":[{"name":"web","image":"nginx:1.27","command":["sleep"],"args":["100"],
                                                        "ports":[{"name":"http","containerPort":8080,"protocol":"TCP"}],
                                                        "env":[{"name":"MODE","value":"fast"},
                                                               {"name":"KEY","valueFrom":{"configMapKeyRef":{"name":"settings","key":"key","optional":true}}},
                                                               {"name":"NODE","valueFrom":{"fieldRef":{"fieldPath":"spec.nodeName"}}}],
                                                        "resources":{"limits":{"cpu":"500m"},"requests":{"memory":"64Mi"}}}],
                                         "terminationGracePeriodSeconds":0,"nodeSelector":{"disk":"ssd"}}},
                     "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":0,"maxSurge":"25%"}},
                     "revisionHistoryLimit":0,"progressDeadlineSeconds":120}}
            """,
            Decode(body));
    }

    [Fact]
    public void Delete_options_keep_a_zero_grace_period()
    {
        var body = ProtoWriter.Envelope("v1", "DeleteOptions", o => o
            .Varint(1, 0)
            .Message(2, preconditions => preconditions.String(1, "uid-1"))
            .String(4, "Foreground")
            .String(5, "All"));

        JsonAssert.Equal(
            """{"apiVersion":"v1","kind":"DeleteOptions","gracePeriodSeconds":0,"preconditions":{"uid":"uid-1"},"propagationPolicy":"Foreground","dryRun":["All"]}""",
            Decode(body));
    }

    [Fact]
    public void Empty_unknown_fields_of_every_wire_type_and_what_the_server_does_not_take_are_skipped()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n
            .Varint(99, 0)
            .Fixed64(98, 0)
            .Fixed32(97, 0)
            .Message(1, meta => meta
                .Message(17, managed => managed.String(1, "kubectl").Message(7, inner => inner.String(1, "deep")))
                .String(1, "kept")
                .Varint(40, 0))
            .String(96, string.Empty)
            .Message(95, empty => empty.Varint(1, 0).Message(2, emptier => emptier.String(1, string.Empty)))
            .Message(3, status => status.String(1, "Terminating")));

        JsonAssert.Equal("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"kept"}}""", Decode(body));
    }

    [Theory]
    [InlineData("varint")]
    [InlineData("fixed64")]
    [InlineData("message")]
    public void A_value_in_a_field_the_tables_lack_is_refused_rather_than_lost(string wireType)
    {
        var body = ProtoWriter.Envelope("v1", "Pod", pod => pod.Message(2, spec => _ = wireType switch
        {
            "varint" => spec.Varint(1000, 7),
            "fixed64" => spec.Fixed64(1000, 7),
            _ => spec.Message(1, volume => volume.String(1, "data")),
        }));

        var refused = Assert.Throws<StoreException>(() => ProtobufBody.ToJson(body));

        Assert.Equal(415, refused.Code);
        Assert.StartsWith($"the sandbox does not decode field {(wireType == "message" ? 1 : 1000)} of PodSpec in application/vnd.kubernetes.protobuf bodies, and this Pod sets it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_field_sent_twice_is_merged()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n
            .Message(1, meta => meta.String(1, "first"))
            .Message(1, meta => meta.Entry(11, "a", "b")));

        JsonAssert.Equal("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"first","labels":{"a":"b"}}}""", Decode(body));
    }

    [Fact]
    public void A_kind_nobody_serves_keeps_only_its_type_for_the_json_path_to_refuse()
    {
        var body = ProtoWriter.Envelope("v1", "Widget", w => w.String(1, "anything"));

        JsonAssert.Equal("""{"apiVersion":"v1","kind":"Widget"}""", Decode(body));
    }

    [Fact]
    public void A_served_kind_without_a_table_is_415()
    {
        var body = ProtoWriter.Envelope("apps/v1", "ReplicaSet", r => r.Message(1, meta => meta.String(1, "rs")));

        var error = Assert.Throws<StoreException>(() => ProtobufBody.ToJson(body));

        Assert.Equal((415, "UnsupportedMediaType"), (error.Code, error.Reason));
        Assert.Contains("send this ReplicaSet as application/json", error.Message);
    }

    [Theory]
    [InlineData("7b7d", "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]")] // JSON "{}"
    [InlineData("6b3873000a05", "unexpected EOF")] // typeMeta longer than the body
    [InlineData("6b387300 0a04 0a027631 12 ff", "unexpected EOF")] // truncated varint length
    [InlineData("6b387300 2b", "proto: unsupported wire type 3")] // a group, in an unknown field
    [InlineData("6b387300 00", "proto: illegal field number 0")]
    [InlineData("6b387300 1a04677a6970", "unsupported content encoding \"gzip\"")]
    public void Unreadable_bodies_are_format_errors(string hex, string message)
    {
        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.ToJson(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal))));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_field_with_the_wrong_wire_type_is_a_format_error()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", n => n.Message(1, meta => meta.Varint(1, 5)));

        var error = Assert.Throws<ProtobufFormatException>(() => ProtobufBody.ToJson(body));

        Assert.Equal("proto: wrong wireType = 0 for field name", error.Message);
    }

    private static JsonNode? Decode(byte[] body) => JsonNode.Parse(Encoding.UTF8.GetString(ProtobufBody.ToJson(body)));
}
