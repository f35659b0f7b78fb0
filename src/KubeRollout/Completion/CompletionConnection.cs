using System.Collections;
using System.Management.Automation;
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

    /// <summary>
    /// A string default from $PSDefaultParameterValues whose 'Command:Parameter' key matches the command's name or one
    /// of its aliases (wildcards allowed), as PowerShell's parameter binder matches them.
    /// </summary>
    private static string? DefaultValue(string commandName, string parameter)
    {
        var names = ModuleCommands.Of(commandName).Names;
        foreach (DictionaryEntry entry in InSession("$PSDefaultParameterValues") as IDictionary ?? new Hashtable())
        {
            var key = entry.Key?.ToString()?.Split(':', 2);
            if (key is { Length: 2 } && entry.Value is string value
                && string.Equals(key[1].Trim(), parameter, StringComparison.OrdinalIgnoreCase)
                && names.Any(new WildcardPattern(key[0].Trim(), WildcardOptions.IgnoreCase).IsMatch))
            {
                return value;
            }
        }

        return null;
    }

    private static string ResolvePath(string path) =>
        InSession("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[0])", path) as string ?? path;

    /// <summary>
    /// Evaluates an expression in the session being completed in. Completion runs inside a pipeline on the session's
    /// thread, where the runspace's SessionStateProxy refuses calls; a script block runs in the current session.
    /// </summary>
    private static object? InSession(string expression, params object[] arguments)
    {
        try
        {
            var result = ScriptBlock.Create(expression).InvokeReturnAsIs(arguments);
            return result is PSObject wrapped ? wrapped.BaseObject : result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // completion must never fail the command line
        }
    }
}
