using System.Globalization;
using System.Management.Automation;
using KubeRollout.Core.Apply;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Workloads;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// kubectl apply -f [--record]: applies every object of the given manifests (config, secrets and services before
/// the workloads that use them), all or nothing, and tells per object whether a rollout was triggered and what
/// changed; with -VersionConfig, configuration is applied as content-named versions so that it rolls out and back.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "KubeRollout", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ApplyResult), typeof(UndoResult), typeof(RolloutActionResult))]
public sealed class InvokeKubeRolloutCommand : KubeClusterCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<string> _files = [];
    private bool _inputFailed;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter]
    public SwitchParameter Recurse { get; set; }

    /// <summary>Recorded as kubernetes.io/change-cause on exactly the workloads whose pod template changes.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ChangeCause { get; set; }

    /// <summary>Records the command line as the change cause, as kubectl's --record did.</summary>
    [Parameter]
    public SwitchParameter Record { get; set; }

    /// <summary>Applies each ConfigMap and Secret as an immutable version named by its content hash and rewrites the references to it.</summary>
    [Parameter]
    public SwitchParameter VersionConfig { get; set; }

    /// <summary>Restarts the workloads that read a ConfigMap or Secret this apply changes in place.</summary>
    [Parameter]
    public SwitchParameter RestartDependents { get; set; }

    /// <summary>Waits until every workload the apply created or changed is rolled out.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: undo a rollout that fails to the previous revision, and wait for that.</summary>
    [Parameter]
    public SwitchParameter RollbackOnFailure { get; set; }

    /// <summary>With -Wait: how long to wait ("2s", "5m", seconds or a TimeSpan).</summary>
    [Parameter]
    [TimeoutTransformation]
    public TimeSpan? Timeout { get; set; }

    protected override void BeginProcessing()
    {
        if (RollbackOnFailure && !Wait)
        {
            ThrowFailure(new KubeRolloutException("RollbackNeedsWait", FailureKind.InvalidArgument, "-RollbackOnFailure works with -Wait: add -Wait.", null));
        }

        if (ChangeCause is not null && Record)
        {
            ThrowFailure(new KubeRolloutException("ChangeCauseConflict", FailureKind.InvalidArgument, "Use either -ChangeCause or -Record, not both.", null));
        }
    }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            try
            {
                _files.AddRange(ProviderPaths.Resolve(this, path, literal).SelectMany(p => ManifestFiles.Expand(p, Recurse)));
            }
            catch (KubeRolloutException e)
            {
                _inputFailed = true;
                WriteFailure(e);
            }
        }
    }

    protected override void EndProcessing()
    {
        try
        {
            Apply();
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }

        base.EndProcessing();
    }

    private void Apply()
    {
        var loaded = _files.Distinct().Select(ManifestLoader.LoadFile).ToList();
        loaded.SelectMany(f => f.Failures).ToList().ForEach(WriteFailure);
        if (_inputFailed || loaded.Any(f => !f.Succeeded))
        {
            WriteWarning("Nothing was applied: fix the manifests above and run the command again.");
            return;
        }

        var objects = ManifestOrdering.Order(loaded.SelectMany(f => f.Objects));
        if (objects.Count == 0)
        {
            WriteWarning("The manifests contain no objects.");
            return;
        }

        EnsureConnected();
        var options = new ApplyOptions { ChangeCause = ChangeCause ?? (Record ? RecordedCommandLine() : null), VersionConfig = VersionConfig };
        var release = new ReleaseApply(Client, EffectiveNamespace);
        var preview = Run(token => release.PrepareAsync(objects, options, token));
        if (preview.Refusals.Count > 0)
        {
            preview.Refusals.ToList().ForEach(WriteFailure);
            WriteWarning("Nothing was applied: fix what the errors above name and run the command again.");
            return;
        }

        preview.Versions.ToList().ForEach(v => WriteVerbose($"{v.Kind} {v.BaseName} is applied as {v.Name}."));
        var approved = preview.Planned
            .Where(p => ShouldProcess(ApplyDescription.Of(p.Result, RestartDependents), ApplyDescription.Of(p.Result, RestartDependents), "Apply"))
            .Select(p => p.Object)
            .ToList();
        if (approved.Count == 0)
        {
            return;
        }

        var results = Run(token => release.WriteAsync(preview, approved, options, token));
        WriteObject(results, enumerateCollection: true);
        foreach (var warning in results.Select(r => ApplyDescription.InPlaceWarning(r, RestartDependents)).OfType<string>())
        {
            WriteWarning(warning);
        }

        var restarted = RestartDependents ? Restart(release, results, options.ChangeCause) : [];
        if (Wait)
        {
            // Every workload the apply changed, not only those whose template changed: a changed spec is rolled out
            // once its controller has observed it, and the status read right after the wait must say so.
            var started = results
                .Where(r => r.Action != ApplyAction.Unchanged && !r.DryRun && Enum.TryParse<WorkloadKind>(r.Kind, out _))
                .Select(r => new WorkloadReference(Enum.Parse<WorkloadKind>(r.Kind), r.Namespace, r.Name))
                .Concat(restarted)
                .Distinct()
                .ToList();
            if (started.Count > 0)
            {
                WaitForRollouts(started, Timeout, RollbackOnFailure);
            }
        }
    }

    /// <summary>Restarts the workloads that read config changed in place; returns those restarted.</summary>
    private List<WorkloadReference> Restart(ReleaseApply release, IReadOnlyList<ApplyResult> results, string? changeCause)
    {
        var restarted = new List<WorkloadReference>();
        foreach (var (result, failure) in Run(token => release.RestartAsync(results, changeCause, token)))
        {
            if (failure is not null)
            {
                WriteFailure(failure);
                continue;
            }

            WriteObject(result);
            restarted.Add(new WorkloadReference(result!.Kind, result.Namespace, result.Name));
        }

        return restarted;
    }

    /// <summary>
    /// The command in a stable form (what --record stored for kubectl), with the parameters that say what was
    /// applied; where it was applied and how the session waited are not part of the change.
    /// </summary>
    private string RecordedCommandLine()
    {
        string[] recorded = [nameof(Path), nameof(LiteralPath), nameof(Recurse), nameof(VersionConfig), nameof(Record)];
        var parts = new List<string> { MyInvocation.MyCommand.Name };
        foreach (var (name, value) in MyInvocation.BoundParameters.Where(p => recorded.Contains(p.Key)))
        {
            parts.Add(value switch
            {
                SwitchParameter flag => flag ? $"-{name}" : $"-{name}:$false",
                string[] items => $"-{name} {string.Join(",", items)}",
                IFormattable formattable => $"-{name} {formattable.ToString(null, CultureInfo.InvariantCulture)}",
                _ => $"-{name} {value}",
            });
        }

        return string.Join(" ", parts);
    }
}
