using System.Management.Automation;
using System.Reflection;
using KubeRollout.Infrastructure;

namespace KubeRollout.Completion;

/// <summary>
/// The module's cmdlets by name or alias: the names a default in $PSDefaultParameterValues may be keyed by, and the
/// workload kinds the cmdlet works on (all kinds, and only its own name, for a command this module does not define).
/// </summary>
internal sealed record ModuleCommands(IReadOnlyList<string> Names, WorkloadKindsAttribute Kinds)
{
    private static readonly Lazy<Dictionary<string, ModuleCommands>> ByName = new(() =>
    {
        var byName = new Dictionary<string, ModuleCommands>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(ModuleCommands).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<CmdletAttribute>() is not { } cmdlet)
            {
                continue;
            }

            var names = new[] { $"{cmdlet.VerbName}-{cmdlet.NounName}" }.Concat(type.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? []).ToList();
            var command = new ModuleCommands(names, WorkloadKindsAttribute.Of(type));
            names.ForEach(name => byName[name] = command);
        }

        return byName;
    });

    public static ModuleCommands Of(string commandName) =>
        ByName.Value.GetValueOrDefault(commandName) ?? new ModuleCommands([commandName], WorkloadKindsAttribute.Everything);
}
