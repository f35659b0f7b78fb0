using KubeRollout.Core.Cluster;
using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Tests.Cluster;

/// <summary>kubectl's loading rules: $KUBECONFIG files merged in order, first definition wins; kubectl's refusals.</summary>
[Collection(nameof(KubeConfigEnvironment))]
public sealed class KubeConfigLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kubeconfig-").FullName;
    private readonly string? _saved = Environment.GetEnvironmentVariable("KUBECONFIG");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("KUBECONFIG", _saved);
        Directory.Delete(_folder, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Config(string context, string cluster, string server, string? currentContext = null, string token = "t", string clusterExtra = "") => $$"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {{cluster}}
          cluster:
            server: {{server}}
            insecure-skip-tls-verify: true{{clusterExtra}}
        users:
        - name: {{context}}-user
          user:
            token: "{{token}}"
        contexts:
        - name: {{context}}
          context: {cluster: {{cluster}}, user: {{context}}-user, namespace: {{context}}-ns}
        {{(currentContext is null ? string.Empty : $"current-context: {currentContext}")}}
        """;

    [Fact]
    public void Merges_the_files_of_KUBECONFIG_in_order_with_the_first_definition_winning()
    {
        var first = Write("first", Config("one", "shared", "https://first.example:6443"));
        var second = Write("second", Config("two", "shared", "https://second.example:6443", currentContext: "two"));
        Environment.SetEnvironmentVariable("KUBECONFIG", string.Join(Path.PathSeparator, first, Path.Combine(_folder, "missing"), second));

        var configuration = KubeConfigLoader.Load(new ConnectionOptions());

        Assert.Equal("two", configuration.CurrentContext); // only the second file names a current-context
        Assert.Equal("two-ns", configuration.Namespace);
        Assert.StartsWith("https://first.example:6443", configuration.Host); // the cluster "shared" of the first file wins
        Assert.Equal(["first", "second"], KubeConfigLoader.Files(null).Select(Path.GetFileName));
    }

    [Fact]
    public void The_first_current_context_wins_and_context_picks_from_any_file()
    {
        var first = Write("first", Config("one", "c1", "https://first.example:6443", currentContext: "one"));
        var second = Write("second", Config("two", "c2", "https://second.example:6443", currentContext: "two"));
        Environment.SetEnvironmentVariable("KUBECONFIG", $"{first}{Path.PathSeparator}{second}");

        Assert.Equal("one", KubeConfigLoader.Load(new ConnectionOptions()).CurrentContext);
        Assert.StartsWith("https://second.example", KubeConfigLoader.Load(new ConnectionOptions(Context: "two")).Host);
    }

    [Fact]
    public void An_explicit_path_is_read_alone()
    {
        var first = Write("first", Config("one", "c1", "https://first.example:6443", currentContext: "one"));
        Environment.SetEnvironmentVariable("KUBECONFIG", Write("other", Config("two", "c2", "https://x:1", currentContext: "two")));

        Assert.Equal("one", KubeConfigLoader.Load(new ConnectionOptions(first)).CurrentContext);
    }

    [Fact]
    public void Refuses_a_certificate_authority_together_with_insecure_skip_tls_verify_as_kubectl_does()
    {
        var path = Write("both", Config("one", "c1", "https://first.example:6443", currentContext: "one", clusterExtra: "\n    certificate-authority-data: Zm9v"));

        var error = Assert.Throws<KubeRolloutException>(() => KubeConfigLoader.Load(new ConnectionOptions(path)));

        Assert.Equal("KubeConfigInvalid", error.ErrorId);
        Assert.Contains("specifying a root certificates file with the insecure flag is not allowed", error.Message);
    }

    [Theory]
    [InlineData("", "defines no context")]
    [InlineData("   \n", "defines no context")]
    [InlineData("apiVersion: v1\nkind: Config\n", "defines no context")]
    [InlineData("- just\n- a list\n", "is not a kubeconfig")]
    [InlineData("clusters: [", "is not valid YAML")]
    public void Refuses_an_empty_or_malformed_kubeconfig_with_a_clear_error(string text, string reason)
    {
        var path = Write("bad", text);

        var error = Assert.Throws<KubeRolloutException>(() => KubeConfigLoader.Load(new ConnectionOptions(path)));

        Assert.Equal("KubeConfigInvalid", error.ErrorId);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Refuses_an_empty_token_naming_the_user()
    {
        var path = Write("token", Config("one", "c1", "https://first.example:6443", currentContext: "one", token: ""));

        var error = Assert.Throws<KubeRolloutException>(() => KubeConfigLoader.Load(new ConnectionOptions(path)));

        Assert.Contains("the user 'one-user' of the context 'one'", error.Message);
        Assert.Contains("empty token", error.Message);
    }

    [Fact]
    public void Refuses_a_context_that_is_not_defined_and_a_missing_current_context()
    {
        var path = Write("one", Config("one", "c1", "https://first.example:6443"));

        Assert.Contains("has no current-context", Assert.Throws<KubeRolloutException>(() => KubeConfigLoader.Load(new ConnectionOptions(path))).Message);
        Assert.Contains("the context 'nope' is not in", Assert.Throws<KubeRolloutException>(() => KubeConfigLoader.Load(new ConnectionOptions(path, "nope"))).Message);
    }

    [Fact]
    public void A_kubeconfig_past_the_yaml_bounds_is_refused_with_its_line()
    {
        var path = Write("deep", "clusters: " + new string('[', 40_000) + new string(']', 40_000));

        var error = Assert.Throws<KubeRolloutException>(() => KubeConfigLoader.Load(new ConnectionOptions(path)));

        Assert.Equal("KubeConfigInvalid", error.ErrorId);
        Assert.Contains("(line 1)", error.Message);
        Assert.Contains("deeper than 64 levels", error.Message);
    }

    [Fact]
    public void Relative_certificate_paths_are_taken_from_the_folder_of_their_file()
    {
        var certificates = Directory.CreateDirectory(Path.Combine(_folder, "certs")).FullName;
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=relative-ca", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(certificates, "ca.crt"), ca.ExportCertificatePem());
        var path = Write("relative", Config("one", "c1", "https://first.example:6443", currentContext: "one").Replace("    insecure-skip-tls-verify: true", "    certificate-authority: certs/ca.crt"));

        var configuration = KubeConfigLoader.Load(new ConnectionOptions(path));

        Assert.Equal("CN=relative-ca", Assert.Single(configuration.SslCaCerts).Subject);
    }
}

[CollectionDefinition(nameof(KubeConfigEnvironment), DisableParallelization = true)]
public sealed class KubeConfigEnvironment;
