using System.Globalization;
using System.Text;

namespace KubeRollout.Sandbox.Tests.Robustness;

/// <summary>One request of the fuzz run.</summary>
internal sealed record FuzzedRequest(HttpMethod Method, string Path, string? ContentType, byte[]? Body)
{
    public override string ToString() =>
        $"{Method} {Path} ({ContentType ?? "no body"}, {Body?.Length ?? 0} bytes: {Encoding.UTF8.GetString(Body ?? [], 0, Math.Min(Body?.Length ?? 0, 120))})";
}

/// <summary>
/// Seeded generator of hostile API requests: bodies that are malformed, deeply nested, alias bombs, oversized, of
/// the wrong kind or shape, full of lone surrogates and out-of-range numbers, sent as every media type the API takes;
/// patches of every type; query parameters that do not parse; odd paths and verbs. Valid requests are mixed in, so
/// that the objects the hostile ones patch and delete exist.
/// </summary>
internal sealed class FuzzedRequests(int seed, string @namespace)
{
    private static readonly string[] ObjectMediaTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf", "text/plain", null!];

    private static readonly string[] PatchMediaTypes =
        ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"];

    private static readonly string[] Collections =
    [
        "/apis/apps/v1/namespaces/{ns}/deployments", "/api/v1/namespaces/{ns}/configmaps", "/api/v1/namespaces/{ns}/pods",
        "/api/v1/namespaces/{ns}/services", "/apis/apps/v1/namespaces/{ns}/statefulsets", "/api/v1/namespaces/{ns}/secrets",
        "/apis/apps/v1/namespaces/{ns}/controllerrevisions", "/api/v1/nodes", "/api/v1/namespaces", "/api/v1/pods",
        "/apis/apps/v1/namespaces/{ns}/daemonsets", "/api/v1/namespaces/{ns}/events",
    ];

    private static readonly string[] Names = ["fuzz-a", "fuzz-b", "fuzz-c"];

    private static readonly string[] HostileStrings =
    [
        "\ud800", "a\udc00b", "\\ud800", "\u0000", new string('x', 70_000), "ünïcødé", "../../etc", "%zz", "\"", "{{", "-",
        "UPPER", "a.b.c", "9", "", " ", "\t\n",
    ];

    private static readonly string[] QueryParameters =
    [
        "limit=abc", "limit=-1", "limit=99999999999999999999", "limit=1", "limit=2&continue=garbage", "continue=garbage",
        "continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiJhIn0", "continue=eyJ2IjoieCJ9",
        "resourceVersion=bogus&resourceVersionMatch=NotOlderThan", "resourceVersion=bogus", "resourceVersion=-5",
        "resourceVersion=99999999999999999999", "resourceVersionMatch=Exact", "resourceVersion=0&resourceVersionMatch=Exact",
        "resourceVersionMatch=Sideways&resourceVersion=1", "watch=true&timeoutSeconds=99999999999", "watch=true&timeoutSeconds=-3",
        "watch=true&timeoutSeconds=abc", "watch=maybe", "watch=1&resourceVersion=1", "watch=1&resourceVersion=bogus",
        "labelSelector=a%20in%20(", "labelSelector=%%%", "fieldSelector=spec.nodeName%3D%3D%3D", "fieldSelector=nope=1",
        "dryRun=Some", "fieldValidation=Loud", "fieldManager=" + new string('m', 200), "pretty=yes", "timeoutSeconds=1e9",
        "gracePeriodSeconds=x", "propagationPolicy=Sideways", "sendInitialEvents=true", "watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan",
        "includeObject=Everything", "allowWatchBookmarks=perhaps",
    ];

    private readonly Random _random = new(seed);

    public FuzzedRequest Next()
    {
        return _random.Next(10) switch
        {
            0 => Valid(),
            1 => YamlBomb(),
            2 => JsonBomb(),
            3 => Patch(),
            4 => Query(),
            5 => Mutated(),
            6 => RandomBytes(),
            7 => OddPath(),
            8 => Patch(),
            _ => Mutated(),
        };
    }

    private FuzzedRequest Valid()
    {
        var name = Pick(Names);
        var body = _random.Next(3) switch
        {
            0 => Fill("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"@name","labels":{"app":"fuzz"}},"data":{"k":"v"}}""", name),
            1 => Fill("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"@name"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"@name"}},"template":{"metadata":{"labels":{"app":"@name"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}""", name),
            _ => Fill("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"@name"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""", name),
        };
        var path = body.Contains("\"ConfigMap\"", StringComparison.Ordinal) ? Collections[1] : body.Contains("\"Pod\"", StringComparison.Ordinal) ? Collections[2] : Collections[0];
        return new(HttpMethod.Post, Expand(path), "application/json", Encoding.UTF8.GetBytes(body));
    }

    private FuzzedRequest YamlBomb()
    {
        var yaml = _random.Next(8) switch
        {
            0 => new string('[', 50_000),
            1 => "x: " + string.Concat(Enumerable.Repeat("{a: ", 30_000)),
            2 => string.Concat(Enumerable.Repeat("- ", 20_000)) + "x",
            3 => AliasBomb(),
            4 => "a: &a [*a]",
            5 => "a: &a\n  b: *a\n",
            6 => "metadata: {name: \"\\ud800\"}\nkind: ConfigMap\napiVersion: v1\n",
            _ => "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + Pick(Names) + "\n  labels: {x: *undefined}\n",
        };
        var (path, method, type) = _random.Next(3) switch
        {
            0 => (Expand(Pick(Collections)), HttpMethod.Post, "application/yaml"),
            1 => (Expand(Collections[1]) + "/" + Pick(Names) + "?fieldManager=fuzz", HttpMethod.Patch, "application/apply-patch+yaml"),
            _ => (Expand(Collections[0]) + "/" + Pick(Names), HttpMethod.Put, "application/yaml"),
        };
        return new(method, path, type, Encoding.UTF8.GetBytes(yaml));
    }

    /// <summary>The billion laughs in YAML: nine levels of nine aliases each.</summary>
    private static string AliasBomb()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 1; level <= 9; level++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"a{level}: &a{level} [");
            yaml.AppendJoin(',', Enumerable.Repeat($"*a{level - 1}", 9));
            yaml.Append("]\n");
        }

        return yaml.ToString();
    }

    private FuzzedRequest JsonBomb()
    {
        var depth = _random.Next(3) switch { 0 => 300, 1 => 20_000, _ => 100 };
        var json = _random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        if (_random.Next(4) == 0)
        {
            json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"deep\"},\"extra\":" + json + "}";
        }

        if (_random.Next(6) == 0)
        {
            json = "{\"x\":\"" + new string('y', 4 * 1024 * 1024) + "\"}"; // over the 3 MiB limit
        }

        var patch = _random.Next(2) == 0;
        return new(patch ? HttpMethod.Patch : HttpMethod.Post,
            Expand(patch ? Collections[1] + "/" + Pick(Names) : Pick(Collections)),
            patch ? Pick(PatchMediaTypes) : "application/json",
            Encoding.UTF8.GetBytes(json));
    }

    private FuzzedRequest Patch()
    {
        var hostile = JsonString(Pick(HostileStrings));
        var body = _random.Next(10) switch
        {
            0 => "{\"metadata\":{\"labels\":{\"x\":" + hostile + "}}}",
            1 => "{\"metadata\":{\"labels\":{" + hostile + ":\"v\"}}}",
            2 => "[{\"op\":\"add\",\"path\":\"/metadata/labels/x\",\"value\":" + hostile + "}]",
            3 => "[{\"op\":\"" + Pick(["move", "copy", "test", "remove", "replace", "bogus"]) + "\",\"path\":\"" + Pick(["/", "/spec", "/metadata/name", "/a/b/c/0", "~2", ""]) + "\",\"from\":\"/metadata\"}]",
            4 => "{\"spec\":{\"replicas\":" + Pick(["1e400", "-1", "99999999999999999999", "\"3\"", "null", "[]", "{}", "2.5"]) + "}}",
            5 => "{\"metadata\":{\"resourceVersion\":" + Pick(["\"1\"", "\"bogus\"", "1", "null"]) + "},\"data\":{\"a\":\"b\"}}",
            6 => "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":" + hostile + ",\"$patch\":\"" + Pick(["delete", "replace", "merge", "bogus"]) + "\"}]}}}}",
            7 => "{\"$setElementOrder/containers\":[{\"name\":1}],\"$retainKeys\":" + hostile + "}",
            8 => "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + Pick(Names) + "\n  labels:\n    x: " + hostile + "\n",
            _ => "{\"data\":{\"k\":" + hostile + "},\"binaryData\":{\"b\":\"!!notbase64\"}}",
        };
        var path = Expand(Pick(Collections.Take(7).ToArray())) + "/" + Pick(Names) + Pick(["", "", "/status", "/scale", "/bogus"]);
        var type = Pick(PatchMediaTypes);
        return new(HttpMethod.Patch, path + (type.Contains("apply", StringComparison.Ordinal) ? "?fieldManager=fuzz&force=" + Pick(["true", "false", "maybe"]) : string.Empty),
            type, Encoding.UTF8.GetBytes(body));
    }

    private FuzzedRequest Query()
    {
        var path = Expand(Pick(Collections));
        var method = _random.Next(5) == 0 ? HttpMethod.Delete : HttpMethod.Get;
        return new(method, path + "?" + Pick(QueryParameters) + (_random.Next(3) == 0 ? "&" + Pick(QueryParameters) : string.Empty), null, null);
    }

    private FuzzedRequest Mutated()
    {
        var name = Pick(Names);
        var hostile = JsonString(Pick(HostileStrings));
        var number = Pick(["1e400", "-0", "99999999999999999999999", "-9223372036854775809", "1.5", "NaN", "0x10", "\"7\""]);
        var body = _random.Next(8) switch
        {
            0 => Fill("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"@name","labels":{"a":@hostile}},"spec":{"replicas":@number,"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":@hostile,"image":"nginx"}]}}}}""", name, hostile, number),
            1 => Fill("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":@hostile,"annotations":{@hostile:"v"}},"data":@hostile}""", name, hostile),
            2 => Fill("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"@name","creationTimestamp":@hostile,"deletionTimestamp":"2020-13-45T99:00:00Z"},"spec":{"containers":[{"name":"c","image":"i","ports":[{"containerPort":@number}],"resources":{"limits":{"cpu":@hostile}}}]}}""", name, hostile, number),
            3 => Fill("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"@name"},"spec":{"ports":[{"port":@number,"targetPort":@hostile}],"type":@hostile,"clusterIP":@hostile}}""", name, hostile, number),
            4 => Fill("""{"apiVersion":"apps/v1","kind":"ControllerRevision","metadata":{"name":"@name"},"revision":@number,"data":{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}""", name, number),
            5 => Fill("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"@name"},"data":{"k":@hostile},"stringData":{"s":@hostile},"type":@hostile}""", name, hostile),
            6 => Fill("""{"apiVersion":@hostile,"kind":@hostile,"metadata":{"name":"@name"}}""", name, hostile),
            _ => Fill("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":@hostile,"finalizers":[@hostile]},"spec":{"finalizers":[@hostile]}}""", name, hostile),
        };
        if (_random.Next(5) == 0)
        {
            body = body[.._random.Next(body.Length)];
        }

        var method = _random.Next(3) == 0 ? HttpMethod.Put : HttpMethod.Post;
        var path = Expand(Pick(Collections)) + (method == HttpMethod.Put ? "/" + name : string.Empty) + (_random.Next(4) == 0 ? "?" + Pick(QueryParameters) : string.Empty);
        return new(method, path, Pick(ObjectMediaTypes), Encoding.UTF8.GetBytes(body));
    }

    private FuzzedRequest RandomBytes()
    {
        var bytes = new byte[_random.Next(4, 2048)];
        _random.NextBytes(bytes);
        if (_random.Next(2) == 0)
        {
            bytes[0] = 0x6b; // the protobuf envelope "k8s\0"
            bytes[1] = 0x38;
            bytes[2] = 0x73;
            bytes[3] = 0x00;
        }

        var patch = _random.Next(3) == 0;
        return new(patch ? HttpMethod.Patch : Pick([HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete]),
            Expand(Pick(Collections)) + (patch ? "/" + Pick(Names) : string.Empty),
            patch ? Pick(PatchMediaTypes) : Pick(ObjectMediaTypes), bytes);
    }

    private FuzzedRequest OddPath()
    {
        // Without control characters: Kestrel refuses a NUL in the request target at the HTTP layer, before any handler.
        var hostile = new string(Pick(HostileStrings).Where(c => !char.IsControl(c)).ToArray());
        var path = Pick(
        [
            "/api/v1/namespaces/{ns}/pods/" + Uri.EscapeDataString(hostile[..Math.Min(300, hostile.Length)]),
            "/apis/apps/v1/namespaces/{ns}/deployments/fuzz-a/scale/extra", "/api/v1/namespaces/%2e%2e/pods", "/apis/apps/v2/deployments",
            "/api//v1//pods", "/openapi/v3/apis/apps/v1?hash=zzz", "/openapi/v2", "/version?x=" + new string('y', 5000), "/api/v1/namespaces/{ns}/pods/fuzz-a/log",
            "/apis/apps/v1/namespaces/{ns}/deployments/fuzz-a/status", "/api/v1/namespaces/{ns}/pods/fuzz-a/binding", "/apis/%ff%fe/v1",
        ]);
        return new(Pick([HttpMethod.Get, HttpMethod.Delete, HttpMethod.Post, HttpMethod.Put, HttpMethod.Options, HttpMethod.Head]), Expand(path), "application/json", "{}"u8.ToArray());
    }

    private static string Fill(string template, string name, string hostile = "", string number = "") =>
        template.Replace("@name", name, StringComparison.Ordinal).Replace("@hostile", hostile, StringComparison.Ordinal).Replace("@number", number, StringComparison.Ordinal);

    private string Expand(string path) => path.Replace("{ns}", @namespace, StringComparison.Ordinal);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A JSON string literal whose escapes may encode lone surrogates.</summary>
    private static string JsonString(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c is '"' or '\\' || char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}
