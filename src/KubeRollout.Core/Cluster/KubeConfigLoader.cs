using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Yaml;

namespace KubeRollout.Core.Cluster;

/// <summary>
/// Loads the kubeconfig as kubectl does (client-go's loading rules): -KubeConfig alone; else every file that
/// $KUBECONFIG lists and that exists, merged in order, where the first file to define a cluster, user or context
/// (by name) or a current-context wins; else ~/.kube/config. Relative paths in a file are taken from that file's
/// folder. Each file is checked against <see cref="YamlBounds"/> before it is parsed, and the chosen context is
/// refused where kubectl refuses it.
/// </summary>
public static class KubeConfigLoader
{
    public static KubernetesClientConfiguration Load(ConnectionOptions options)
    {
        var files = Files(options.KubeConfigPath);
        var source = files.Count == 1 ? $"the kubeconfig '{files[0]}'" : $"the kubeconfig merged from {string.Join(", ", files.Select(f => $"'{f}'"))}";
        var merged = Merge(files);

        var contextName = !string.IsNullOrEmpty(options.Context) ? options.Context : merged.CurrentContext;
        if (!merged.Contexts.Any())
        {
            throw Invalid($"{source} defines no context", files);
        }

        if (string.IsNullOrEmpty(contextName))
        {
            throw Invalid($"{source} has no current-context: name one with -Context", files);
        }

        var context = merged.Contexts.FirstOrDefault(c => c.Name == contextName)
            ?? throw Invalid($"the context '{contextName}' is not in {source}", files);
        Validate(merged, context, source, files);
        merged.CurrentContext = contextName;
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, contextName);
        }
        catch (Exception e) when (e is KubeConfigException or ArgumentException or FormatException or IOException
            or System.Security.Cryptography.CryptographicException
            or NullReferenceException) // KubernetesClient dereferences sections a kubeconfig may leave out
        {
            throw Invalid($"{source} cannot be used for the context '{contextName}': {e.Message}", files);
        }
    }

    /// <summary>The names of the contexts the kubeconfig defines (merged as <see cref="Load"/> merges them), read from the files only.</summary>
    public static IReadOnlyList<string> ContextNames(string? kubeConfigPath) =>
        Merge(Files(kubeConfigPath)).Contexts.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>-KubeConfig (which must exist), else the existing files of $KUBECONFIG (at least one), else ~/.kube/config.</summary>
    public static IReadOnlyList<string> Files(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath) ? [explicitPath] : throw Missing(explicitPath);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var existing = fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(File.Exists)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return existing.Count > 0 ? existing : throw Missing(fromEnvironment);
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home) ? [home] : throw Missing(home);
    }

    /// <summary>One file's configuration (null when the file is empty), with its relative paths made absolute.</summary>
    private static K8SConfiguration? Read(string file)
    {
        string text;
        try
        {
            text = YamlBounds.ReadFile(file);
            YamlBounds.Check(text);
        }
        catch (YamlBoundsException e)
        {
            throw Invalid($"the kubeconfig '{file}'{(e.Line > 0 ? $" (line {e.Line})" : string.Empty)} cannot be used: {e.Message}", [file]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid($"the kubeconfig '{file}' cannot be read: {e.Message}", [file]);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw Invalid($"the kubeconfig '{file}' (line {e.Start.Line}) is not valid YAML", [file]);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        K8SConfiguration? config;
        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            config = KubernetesClientConfiguration.LoadKubeConfig(stream);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or KubeConfigException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw Invalid($"the kubeconfig '{file}' is not a kubeconfig ({FirstLine(e.Message)})", [file]);
        }

        if (config is null)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        string? Absolute(string? path) => string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.Combine(folder, path);
        foreach (var cluster in config.Clusters ?? [])
        {
            if (cluster.ClusterEndpoint is { } endpoint)
            {
                endpoint.CertificateAuthority = Absolute(endpoint.CertificateAuthority);
            }
        }

        foreach (var user in config.Users ?? [])
        {
            if (user.UserCredentials is { } credentials)
            {
                credentials.ClientCertificate = Absolute(credentials.ClientCertificate);
                credentials.ClientKey = Absolute(credentials.ClientKey);
            }
        }

        return config;
    }

    private static K8SConfiguration Merge(IReadOnlyList<string> files)
    {
        var merged = new K8SConfiguration { Clusters = [], Users = [], Contexts = [] };
        foreach (var file in files)
        {
            if (Read(file) is { } config)
            {
                MergeInto(merged, config);
            }
        }

        return merged;
    }

    /// <summary>clientcmd's merge: the first file to set a value or define a name wins; entries are never merged field by field.</summary>
    private static void MergeInto(K8SConfiguration merged, K8SConfiguration next)
    {
        if (string.IsNullOrEmpty(merged.CurrentContext) && !string.IsNullOrEmpty(next.CurrentContext))
        {
            merged.CurrentContext = next.CurrentContext;
        }

        merged.Clusters = FirstWins(merged.Clusters, next.Clusters, c => c.Name);
        merged.Users = FirstWins(merged.Users, next.Users, u => u.Name);
        merged.Contexts = FirstWins(merged.Contexts, next.Contexts, c => c.Name);
        merged.Preferences ??= next.Preferences;
        merged.ApiVersion ??= next.ApiVersion;
        merged.Kind ??= next.Kind;
    }

    private static List<T> FirstWins<T>(IEnumerable<T>? first, IEnumerable<T>? next, Func<T, string> name)
    {
        var result = (first ?? []).ToList();
        var names = result.Select(name).ToHashSet(StringComparer.Ordinal);
        result.AddRange((next ?? []).Where(item => names.Add(name(item))));
        return result;
    }

    /// <summary>What kubectl refuses about the context in use, refused the same way before anything is sent.</summary>
    private static void Validate(K8SConfiguration config, Context context, string source, IReadOnlyList<string> files)
    {
        var cluster = config.Clusters.FirstOrDefault(c => c.Name == context.ContextDetails?.Cluster)?.ClusterEndpoint
            ?? throw Invalid($"the cluster '{context.ContextDetails?.Cluster}' of the context '{context.Name}' is not in {source}", files);
        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw Invalid($"the cluster '{context.ContextDetails!.Cluster}' in {source} has no server", files);
        }

        if (cluster.SkipTlsVerify && (!string.IsNullOrEmpty(cluster.CertificateAuthorityData) || !string.IsNullOrEmpty(cluster.CertificateAuthority)))
        {
            throw Invalid($"specifying a root certificates file with the insecure flag is not allowed (cluster '{context.ContextDetails!.Cluster}' in {source})", files);
        }

        var user = config.Users.FirstOrDefault(u => u.Name == context.ContextDetails!.User)?.UserCredentials;
        if (user is { Token: "" } && string.IsNullOrEmpty(user.ClientCertificateData) && string.IsNullOrEmpty(user.ClientCertificate)
            && user.ExternalExecution is null && user.AuthProvider is null && string.IsNullOrEmpty(user.UserName))
        {
            throw Invalid($"the user '{context.ContextDetails!.User}' of the context '{context.Name}' in {source} has an empty token", files);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static KubeRolloutException Invalid(string reason, IReadOnlyList<string> files) =>
        new("KubeConfigInvalid", FailureKind.InvalidArgument, $"Cannot connect: {reason}.", files.Count == 1 ? files[0] : string.Join(Path.PathSeparator, files));

    private static KubeRolloutException Missing(string path) =>
        new("KubeConfigNotFound", FailureKind.ObjectNotFound, $"No kubeconfig at '{path}'. Use -KubeConfig, set $env:KUBECONFIG, or create ~/.kube/config.", path);
}
