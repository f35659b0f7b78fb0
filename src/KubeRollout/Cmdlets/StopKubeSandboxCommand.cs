using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Sandboxes;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>Stops a sandbox cluster started by Start-KubeSandbox.</summary>
[Cmdlet(VerbsLifecycle.Stop, "KubeSandbox", SupportsShouldProcess = true)]
[OutputType(typeof(SandboxInfo))]
public sealed class StopKubeSandboxCommand : KubeRolloutCmdlet
{
    /// <summary>The sandbox's folder; binds from the Path property of Start-KubeSandbox's output.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SandboxPathTransformation]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Also deletes the sandbox's folder (kubeconfig, log).</summary>
    [Parameter]
    public SwitchParameter Remove { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var directory = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var info = SandboxDirectory.Read(directory);
        if (info is null)
        {
            WriteFailure(new KubeRolloutException("SandboxNotFound", FailureKind.ObjectNotFound, $"No sandbox runs in '{directory}'.", directory));
            return;
        }

        if (!ShouldProcess($"{info.Server} (process {info.ProcessId}, {directory})", "Stop sandbox cluster"))
        {
            return;
        }

        Run(token => SandboxLauncher.StopAsync(directory, Remove, token));
        if (PassThru)
        {
            WriteObject(SandboxDirectory.Read(directory) ?? info);
        }
    }
}
