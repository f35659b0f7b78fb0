namespace KubeRollout.Sandbox.Api.Discovery;

/// <summary>
/// The Kubernetes build the sandbox presents itself as: the release of the kubectl the project installs
/// (1.35.2), with that release's commit and build, so that <c>kubectl --match-server-version</c> accepts it.
/// </summary>
internal static class ServerVersion
{
    public const string Major = "1";
    public const string Minor = "35";
    public const string GitVersion = "v1.35.2";
    public const string GitCommit = "fdc9d74cbf2da6754ebf81d56f80ae2948cd6425";
    public const string BuildDate = "2026-02-26T20:05:34Z";
    public const string GoVersion = "go1.25.7";
}
