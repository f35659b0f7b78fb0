using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Strategies;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// Edits how a workload rolls out (spec.strategy / spec.updateStrategy and the rollout timings): only the given
/// settings change, the result is checked with the API's rules before anything is sent, and risky choices warn.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KubeRolloutStrategy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RolloutStrategy))]
public sealed class SetKubeRolloutStrategyCommand : WorkloadCmdlet
{
    [Parameter]
    [ValidateSet("RollingUpdate", "Recreate", "OnDelete", IgnoreCase = true)]
    public string? Type { get; set; }

    /// <summary>An integer or a percentage ("25%"); kept as text so that a bad value gets the API's message.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? MaxSurge { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? MaxUnavailable { get; set; }

    [Parameter]
    public int? Partition { get; set; }

    [Parameter]
    public int? MinReadySeconds { get; set; }

    [Parameter]
    public int? ProgressDeadlineSeconds { get; set; }

    [Parameter]
    public int? RevisionHistoryLimit { get; set; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessWorkload(WorkloadReference workload)
    {
        try
        {
            var change = new StrategyChange
            {
                Type = Type is null ? null : Enum.Parse<StrategyType>(Type, ignoreCase: true),
                MaxSurge = MaxSurge,
                MaxUnavailable = MaxUnavailable,
                Partition = Partition,
                MinReadySeconds = MinReadySeconds,
                ProgressDeadlineSeconds = ProgressDeadlineSeconds,
                RevisionHistoryLimit = RevisionHistoryLimit,
            };
            var update = Run(token => StrategyOperations.PlanAsync(Client, workload, change, token));
            update.Warnings.ToList().ForEach(WriteWarning);
            if (!update.HasChanges)
            {
                WriteVerbose($"{workload}: the rollout settings are already as asked; nothing is sent.");
            }
            else
            {
                var description = $"{workload}: {string.Join("; ", update.Changes)}";
                if (!ShouldProcess(description, description, "Set rollout strategy"))
                {
                    return;
                }
            }

            var result = Run(token => StrategyOperations.ApplyAsync(Client, update, token));
            result.Warnings.Except(update.Warnings).ToList().ForEach(WriteWarning);
            WriteObject(result);
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
