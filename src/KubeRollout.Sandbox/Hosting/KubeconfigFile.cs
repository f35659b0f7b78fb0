using System.Text;

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
}
