using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// Prunes the config versions Invoke-KubeRollout -VersionConfig made: deletes those that no live template,
/// retained revision (within revisionHistoryLimit), pod, Job or CronJob references; keeps the others.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "KubeConfigVersion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConfigVersionUsage))]
public sealed class RemoveKubeConfigVersionCommand : KubeClusterCmdlet
{
    /// <summary>Only versions of these names (the name a version is of, or the version's own name); wildcards allowed.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>Only ConfigMaps or only Secrets.</summary>
    [Parameter]
    [ValidateSet("ConfigMap", "Secret")]
    public string? Kind { get; set; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessRecord()
    {
        try
        {
            var @namespace = EffectiveNamespace;
            var versions = ConfigVersionPruning.Select(Run(token => ConfigVersionPruning.ReadUsageAsync(Client, @namespace, token)), Kind, Name);
            if (versions.Count == 0)
            {
                WriteVerbose($"No config versions{(Name is null ? string.Empty : $" of {string.Join(", ", Name)}")} in namespace {@namespace}.");
            }

            foreach (var version in versions)
            {
                var target = $"{version.Kind.ToLowerInvariant()}/{version.Name} (version of {version.VersionOf}) in namespace {@namespace}";
                if (!version.Prunable)
                {
                    WriteVerbose($"Keeping {target}: referenced by {string.Join(", ", version.ReferencedBy)}.");
                    continue;
                }

                if (ShouldProcess(target, "Remove the config version, which no live template, retained revision or pod references"))
                {
                    WriteObject(Run(token => ConfigVersionPruning.RemoveAsync(Client, version, token)));
                }
            }
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
