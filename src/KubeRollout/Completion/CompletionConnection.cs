using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using KubeRollout.Core.Cluster;

namespace KubeRollout.Completion;

/// <summary>
/// The cluster a command line being completed talks to: its -KubeConfig, -Context and -Namespace as typed so far,
/// else what $PSDefaultParameterValues gives the command for them, else the kubeconfig's defaults.
/// </summary>
internal static class CompletionConnection
{
    public static ConnectionOptions For(string commandName, IDictionary fakeBoundParameters)
    {
        var kubeConfig = Value(commandName, fakeBoundParameters, "KubeConfig");
        return new ConnectionOptions(
            kubeConfig is null ? null : ResolvePath(kubeConfig),
            Value(commandName, fakeBoundParameters, "Context"),
            Value(commandName, fakeBoundParameters, "Namespace"));
    }

    /// <summary>A parameter's value as typed (the first of a list), else its default for this command.</summary>
    public static string? Value(string commandName, IDictionary fakeBoundParameters, string parameter) =>
        fakeBoundParameters[parameter] switch
        {
            string text => text,
            IEnumerable items => items.OfType<object>().Select(i => i.ToString()).FirstOrDefault(),
            _ => DefaultValue(commandName, parameter),
        };

    /// <summary>A string default from $PSDefaultParameterValues whose 'Command:Parameter' key matches (wildcards allowed).</summary>
    private static string? DefaultValue(string commandName, string parameter)
    {
        var defaults = Runspace.DefaultRunspace?.SessionStateProxy.PSVariable.GetValue("PSDefaultParameterValues") as IDictionary;
        foreach (DictionaryEntry entry in defaults ?? new Hashtable())
        {
            var key = entry.Key?.ToString()?.Split(':', 2);
            if (key is { Length: 2 } && entry.Value is string value
                && string.Equals(key[1].Trim(), parameter, StringComparison.OrdinalIgnoreCase)
                && new WildcardPattern(key[0].Trim(), WildcardOptions.IgnoreCase).IsMatch(commandName))
            {
                return value;
            }
        }

        return null;
    }

    private static string ResolvePath(string path)
    {
        try
        {
            return Runspace.DefaultRunspace?.SessionStateProxy.Path.GetUnresolvedProviderPathFromPSPath(path) ?? path;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return path; // completion must never fail the command line
        }
    }
}
