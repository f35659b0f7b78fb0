using System.Text;
using System.Text.Json.Nodes;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Requests.Protobuf;

/// <summary>
/// Reads an <c>application/vnd.kubernetes.protobuf</c> request body into the JSON body it stands for, which is then
/// handled exactly like a JSON request. The body is the magic <c>k8s\0</c> and a runtime.Unknown message (typeMeta = 1
/// with apiVersion = 1 and kind = 2, raw = 2, contentEncoding = 3, contentType = 4) whose raw bytes are the typed
/// message named by the kind.
/// </summary>
internal static class ProtobufBody
{
    private static readonly byte[] Magic = [(byte)'k', (byte)'8', (byte)'s', 0];

    private static readonly Dictionary<string, ProtoMessage> MessagesByKind = new[]
    {
        CoreV1Messages.Namespace, CoreV1Messages.ConfigMap, CoreV1Messages.Secret, CoreV1Messages.Service, CoreV1Messages.ServiceAccount, CoreV1Messages.Pod,
        AppsV1Messages.Deployment, BatchV1Messages.Job, BatchV1Messages.CronJob, PolicyV1Messages.PodDisruptionBudget,
        AutoscalingV2Messages.HorizontalPodAutoscaler, RbacV1Messages.Role, RbacV1Messages.ClusterRole, RbacV1Messages.RoleBinding,
        RbacV1Messages.ClusterRoleBinding, NetworkingV1Messages.Ingress, MetaV1Messages.DeleteOptions,
    }.ToDictionary(m => m.Name);

    /// <summary>The JSON body; <see cref="ProtobufFormatException"/> when the bytes are not a readable envelope.</summary>
    public static byte[] ToJson(byte[] body)
    {
        if (!body.AsSpan().StartsWith(Magic))
        {
            throw new ProtobufFormatException("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
        }

        var envelope = ProtoJsonDecoder.Decode(new WireReader(body[Magic.Length..]), RuntimeMessages.Unknown);
        var apiVersion = (string?)envelope["typeMeta"]?["apiVersion"] ?? string.Empty;
        var kind = (string?)envelope["typeMeta"]?["kind"] ?? string.Empty;
        var contentEncoding = (string?)envelope["contentEncoding"] ?? string.Empty;
        var contentType = (string?)envelope["contentType"] ?? string.Empty;
        if (contentEncoding.Length > 0)
        {
            throw new ProtobufFormatException($"unsupported content encoding \"{contentEncoding}\"");
        }

        if (contentType.Length > 0 && contentType != "application/vnd.kubernetes.protobuf")
        {
            throw new ProtobufFormatException($"unsupported content type \"{contentType}\" in the protobuf envelope");
        }

        var json = new JsonObject();
        if (apiVersion.Length > 0)
        {
            json["apiVersion"] = apiVersion;
        }

        if (kind.Length > 0)
        {
            json["kind"] = kind;
        }

        if (MessagesByKind.TryGetValue(kind, out var message))
        {
            try
            {
                ProtoJsonDecoder.Fill(json, new WireReader(Convert.FromBase64String((string?)envelope["raw"] ?? string.Empty)), message);
            }
            catch (ProtobufFieldNotDecodedException e)
            {
                throw ApiErrors.UnsupportedProtobufField(kind, e.MessageName, e.Number);
            }
        }
        else if (ResourceRegistry.ForKind(apiVersion, kind) is not null)
        {
            throw ApiErrors.UnsupportedProtobufKind(kind, MessagesByKind.Keys);
        }

        // A kind nobody serves keeps only apiVersion and kind: the JSON path then refuses it in the server's words.
        return Encoding.UTF8.GetBytes(json.ToJsonString(ModelJson.DeepTrees));
    }
}
