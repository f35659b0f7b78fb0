using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Sandboxes;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>Starts the local sandbox cluster (like kind create cluster) and returns how to reach it.</summary>
[Cmdlet(VerbsLifecycle.Start, "KubeSandbox", SupportsShouldProcess = true)]
[OutputType(typeof(SandboxInfo))]
public sealed class StartKubeSandboxCommand : KubeRolloutCmdlet
{
    /// <summary>The folder for the kubeconfig and state; default: a new folder in the temp folder.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [ValidateRange(1, 100)]
    public int Nodes { get; set; } = 3;

    [Parameter]
    [ValidateRange(0.01, 10000.0)]
    public double TimeScale { get; set; } = 1.0;

    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] FailingImage { get; set; } = [];

    /// <summary>Starts with an empty cluster, forgetting the objects a sandbox in the same folder kept.</summary>
    [Parameter]
    public SwitchParameter Fresh { get; set; }

    protected override void EndProcessing()
    {
        var directory = Path is null ? SandboxDirectory.NewDefault() : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!ShouldProcess(directory, "Start sandbox cluster"))
        {
            return;
        }

        var options = new SandboxStartOptions
        {
            Directory = directory,
            ProgramPath = System.IO.Path.Combine(MyInvocation.MyCommand.Module.ModuleBase, "sandbox", "kuberollout-sandbox.dll"),
            Nodes = Nodes,
            TimeScale = TimeScale,
            Port = Port,
            FailingImages = FailingImage,
            Fresh = Fresh,
        };
        try
        {
            var progress = new ProgressRecord(1, "Start-KubeSandbox", "Starting");
            var info = RunWithProgress<SandboxInfo, string>(
                (channel, token) => SandboxLauncher.StartAsync(options, text => channel.TryWrite(text), token),
                text =>
                {
                    progress.StatusDescription = text;
                    WriteProgress(progress);
                });
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            WriteObject(info);
        }
        catch (KubeRolloutException e)
        {
            ThrowFailure(e);
        }
    }
}
