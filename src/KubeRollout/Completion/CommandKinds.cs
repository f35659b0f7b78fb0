using System.Management.Automation;
using System.Reflection;
using KubeRollout.Infrastructure;

namespace KubeRollout.Completion;

/// <summary>The workload kinds of a command of this module, by its name or alias (all kinds for a name it does not know).</summary>
internal static class CommandKinds
{
    private static readonly Lazy<Dictionary<string, WorkloadKindsAttribute>> ByName = new(() =>
    {
        var byName = new Dictionary<string, WorkloadKindsAttribute>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(CommandKinds).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<CmdletAttribute>() is not { } cmdlet)
            {
                continue;
            }

            var kinds = WorkloadKindsAttribute.Of(type);
            byName[$"{cmdlet.VerbName}-{cmdlet.NounName}"] = kinds;
            foreach (var alias in type.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? [])
            {
                byName[alias] = kinds;
            }
        }

        return byName;
    });

    public static WorkloadKindsAttribute Of(string commandName) => ByName.Value.GetValueOrDefault(commandName, WorkloadKindsAttribute.Everything);
}
