using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Sandboxes;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>Lists the sandbox clusters: the one in -Path, or those started in the temp folder.</summary>
[Cmdlet(VerbsCommon.Get, "KubeSandbox")]
[OutputType(typeof(SandboxInfo))]
public sealed class GetKubeSandboxCommand : KubeRolloutCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SandboxPathTransformation]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    protected override void ProcessRecord()
    {
        if (Path is null)
        {
            WriteObject(SandboxDirectory.FindDefault().Where(s => s.IsRunning), enumerateCollection: true);
            return;
        }

        var directory = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (SandboxDirectory.Read(directory) is { } info)
        {
            WriteObject(info);
        }
        else
        {
            WriteFailure(new KubeRolloutException("SandboxNotFound", FailureKind.ObjectNotFound, $"No sandbox in '{directory}'.", directory));
        }
    }
}
