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
/// kubectl apply -f [--record]: applies every object of the given manifests, or of the manifest objects piped in
/// (Get-KubeManifest), in one transaction: config, secrets and services before the workloads that use them, all or
/// nothing; tells per object whether a rollout was triggered and what changed. With -VersionConfig, configuration is
/// applied as content-named versions so that it rolls out and back.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "KubeRollout", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ApplyResult), typeof(UndoResult), typeof(RolloutActionResult))]
public sealed class InvokeKubeRolloutCommand : KubeClusterCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string InputObjectSet = "InputObject";
    private readonly List<string> _files = [];
    private readonly List<ManifestObject> _objects = [];
    private bool _inputFailed;
    private string? _namespace;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Manifest objects from Get-KubeManifest; every object of the pipeline is applied in one transaction.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ManifestObject[] InputObject { get; set; } = [];

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

        // Piped manifest objects bind their own Namespace property to -Namespace, one at a time; the namespace of the
        // apply (for objects that name none) is the one given before the pipeline ran.
        _namespace = Namespace;
    }

    protected override void ProcessRecord()
    {
        // The parameter set is chosen per pipeline object: paths and manifest objects may come in the same pipeline.
        if (ParameterSetName == InputObjectSet)
        {
            _objects.AddRange(InputObject);
            return;
        }

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
        Namespace = _namespace;
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
        var input = ManifestLoader.LoadAll(_files).With(ManifestLoader.Check(_objects));
        input.Failures.ToList().ForEach(WriteFailure);
        if (_inputFailed || !input.Succeeded)
        {
            WriteWarning("Nothing was applied: fix the manifests above and run the command again.");
            return;
        }

        if (input.Objects.Count == 0)
        {
            WriteWarning("The manifests contain no objects.");
            return;
        }

        EnsureConnected();
        var options = new ApplyOptions
        {
            ChangeCause = ChangeCause ?? (Record ? RecordedCommandLine() : null),
            VersionConfig = VersionConfig,
            RestartDependents = RestartDependents,
        };
        var plan = Run(token => ReleaseApply.PlanAsync(Client, EffectiveNamespace, input.Objects, options, token));
        if (plan.Refusals.Count > 0)
        {
            plan.Refusals.ToList().ForEach(WriteFailure);
            WriteWarning("Nothing was applied: fix what the errors above name and run the command again.");
            return;
        }

        plan.Versions.ToList().ForEach(v => WriteVerbose($"{v.Kind} {v.BaseName} is applied as {v.Name}."));
        var approved = plan.Planned
            .Where(p => ShouldProcess(ApplyDescription.Of(p.Result, RestartDependents), ApplyDescription.Of(p.Result, RestartDependents), "Apply"))
            .Select(p => p.Object)
            .ToList();
        if (approved.Count == 0)
        {
            return;
        }

        var results = Run(token => ReleaseApply.ApplyAsync(Client, plan, approved, token));
        WriteObject(results, enumerateCollection: true);
        results.SelectMany(r => ApplyDescription.Warnings(r, RestartDependents)).ToList().ForEach(WriteWarning);
        var restarted = RestartDependents ? Restart(results, options.ChangeCause) : [];
        var started = Wait ? ReleaseApply.WorkloadsToWaitFor(results, restarted) : [];
        if (started.Count > 0)
        {
            WaitForRollouts(started, Timeout, RollbackOnFailure);
        }
    }

    /// <summary>Restarts the workloads that read config changed in place; returns those restarted.</summary>
    private List<RolloutActionResult> Restart(IReadOnlyList<ApplyResult> results, string? changeCause)
    {
        var restarted = new List<RolloutActionResult>();
        foreach (var (result, failure) in Run(token => ReleaseApply.RestartDependentsAsync(Client, results, changeCause, token)))
        {
            if (failure is not null)
            {
                WriteFailure(failure);
                continue;
            }

            WriteObject(result);
            result!.Warnings.ToList().ForEach(WriteWarning);
            restarted.Add(result);
        }

        return restarted;
    }

    /// <summary>
    /// The command in a stable form (what --record stored for kubectl), with the parameters that say what was
    /// applied (for piped manifest objects, the files they were read from); where it was applied and how the session
    /// waited are not part of the change.
    /// </summary>
    private string RecordedCommandLine()
    {
        string[] recorded = [nameof(Path), nameof(LiteralPath), nameof(Recurse), nameof(VersionConfig), nameof(Record)];
        var parts = new List<string> { MyInvocation.MyCommand.Name };
        if (_objects.Count > 0)
        {
            // The objects came from files: the command that applies the same files says what was applied.
            parts.Add($"-{nameof(InputObject)} (Get-KubeManifest {string.Join(",", _objects.Select(o => o.Path).Distinct(StringComparer.Ordinal))})");
        }

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
