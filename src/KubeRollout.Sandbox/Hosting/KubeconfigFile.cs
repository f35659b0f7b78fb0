using System.Text;
using KubeRollout.Sandbox.Security;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>Writes the kubeconfig through which kubectl and KubernetesClient reach the sandbox.</summary>
public static class KubeconfigFile
{
    public const string ContextName = "kuberollout-sandbox";

    public static void Write(string path, Uri server, string certificateAuthorityPem, string token)
    {
        var authorityData = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificateAuthorityPem));
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {ContextName}
              cluster:
                server: {server.GetLeftPart(UriPartial.Authority)}
                certificate-authority-data: {authorityData}
            users:
            - name: {ContextName}
              user:
                token: {token}
            contexts:
            - name: {ContextName}
              context:
                cluster: {ContextName}
                user: {ContextName}
                namespace: default
            current-context: {ContextName}

            """;
        SecretFile.Write(path, text);
    }

    /// <summary>The port of the server a kubeconfig written earlier names, so that a restart can keep it.</summary>
    public static int? PreviousPort(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var server = File.ReadLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("server: ", StringComparison.Ordinal));
        return server is not null && Uri.TryCreate(server["server: ".Length..], UriKind.Absolute, out var uri) && uri.Port > 0 ? uri.Port : null;
    }
}
