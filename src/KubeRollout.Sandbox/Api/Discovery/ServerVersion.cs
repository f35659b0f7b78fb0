namespace KubeRollout.Sandbox.Api.Discovery;

/// <summary>The Kubernetes version the sandbox presents itself as.</summary>
internal static class ServerVersion
{
    public const string Major = "1";
    public const string Minor = "35";
    public const string GitVersion = "v1.35.0";
}
