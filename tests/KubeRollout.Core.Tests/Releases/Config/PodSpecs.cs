using System.Text.Json.Nodes;

namespace KubeRollout.Core.Tests.Releases.Config;

/// <summary>Objects with pod specs that reference ConfigMaps and Secrets in every way a pod can.</summary>
internal static class PodSpecs
{
    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    /// <summary>A pod spec that references ConfigMap "cfg" and Secret "sec" in every kind of reference.</summary>
    public const string EveryReference = """
        {
          "imagePullSecrets": [{"name":"sec"}],
          "volumes": [
            {"name":"site","configMap":{"name":"cfg","items":[{"key":"index.html","path":"index.html"}]}},
            {"name":"creds","secret":{"secretName":"sec","optional":true}},
            {"name":"all","projected":{"sources":[{"configMap":{"name":"cfg"}},{"secret":{"name":"sec","items":[{"key":"token","path":"t"}]}},{"downwardAPI":{"items":[]}}]}},
            {"name":"scratch","emptyDir":{}}
          ],
          "initContainers": [
            {"name":"setup","image":"busybox","envFrom":[{"configMapRef":{"name":"cfg"}},{"secretRef":{"name":"sec","optional":true}}]}
          ],
          "containers": [
            {"name":"web","image":"nginx","env":[
              {"name":"RELEASE","valueFrom":{"configMapKeyRef":{"name":"cfg","key":"release"}}},
              {"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"sec","key":"password"}}},
              {"name":"PLAIN","value":"cfg"},
              {"name":"POD","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}
            ]}
          ],
          "ephemeralContainers": [
            {"name":"debug","image":"busybox","env":[{"name":"R","valueFrom":{"configMapKeyRef":{"name":"cfg","key":"release","optional":true}}}]}
          ]
        }
        """;

    public static JsonObject Deployment(string name, string podSpec, string? @namespace = null)
    {
        var deployment = Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{},"spec":{"replicas":1,"selector":{"matchLabels":{}},"template":{"metadata":{"labels":{}}}}}""");
        deployment["metadata"]!["name"] = name;
        deployment["spec"]!["selector"]!["matchLabels"]!["app"] = name;
        deployment["spec"]!["template"]!["metadata"]!["labels"]!["app"] = name;
        deployment["spec"]!["template"]!["spec"] = Json(podSpec);
        if (@namespace is not null)
        {
            deployment["metadata"]!["namespace"] = @namespace;
        }

        return deployment;
    }
}
