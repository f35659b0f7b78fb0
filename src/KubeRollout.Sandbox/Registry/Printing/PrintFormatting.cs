using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Printing;

/// <summary>The small formatting helpers the API server's printers share.</summary>
internal static class PrintFormatting
{
    /// <summary>The storage class annotation that came before spec.storageClassName (claims and volumes).</summary>
    public const string BetaStorageClassAnnotation = "volume.beta.kubernetes.io/storage-class";

    private static readonly (string Mode, string ShortName)[] AccessModeNames =
        [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP")];

    /// <summary>Access modes as helper.GetAccessModesAsString writes them: short names, each once, in a fixed order.</summary>
    public static string AccessModes(IList<string>? modes)
    {
        modes ??= [];
        return string.Join(",", AccessModeNames.Where(m => modes.Contains(m.Mode)).Select(m => m.ShortName));
    }

    /// <summary>Container names and images, each comma-separated.</summary>
    public static (string Names, string Images) Containers(IList<V1Container>? containers)
    {
        containers ??= [];
        return (string.Join(",", containers.Select(c => c.Name)), string.Join(",", containers.Select(c => c.Image)));
    }

    /// <summary>A label map as <c>a=b,c=d</c> (sorted), or <c>&lt;none&gt;</c>.</summary>
    public static string Labels(IDictionary<string, string>? labels) =>
        labels is null || labels.Count == 0
            ? "<none>"
            : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    /// <summary>A label selector as kubectl shows one, <c>&lt;none&gt;</c> when it selects nothing or everything.</summary>
    public static string LabelSelector(V1LabelSelector? selector)
    {
        var text = LabelSelectorText.Format(selector);
        return text.Length == 0 ? "<none>" : text;
    }

    /// <summary>host:port as Go's net.JoinHostPort writes it (an IPv6 host in brackets).</summary>
    public static string HostPort(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal)
            ? $"[{host}]:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"{host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
