@{
    Synopsis    = 'Lists sandbox clusters.'
    Description = @'
Get-KubeSandbox returns the sandbox of the given folder, or, without -Path, the running sandboxes that
Start-KubeSandbox created in the temp folder. IsRunning is true only when the process the folder's state file names
is that sandbox still: it started when the sandbox did, runs the sandbox program, is no zombie and holds the folder's
lock (a process id reused after a crash is not the sandbox).
'@
    Parameters  = @{
        Path = 'A sandbox''s folder, or a sandbox object. Default: every kuberollout-sandbox-* folder of the temp folder with a running sandbox.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Folders, by value or by the Path property.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Sandboxes.SandboxInfo'; Description = 'Path, Server, KubeConfig, Context, ProcessId, StartedAt, IsRunning.' }
    )
    Examples    = @(
        @{
            Title   = 'List running sandboxes'
            Code    = 'Get-KubeSandbox'
            Remarks = 'Shows server, context, process and kubeconfig of each.'
        }
        @{
            Title   = 'Use the sandbox of a folder with kubectl'
            Code    = 'kubectl --kubeconfig (Get-KubeSandbox ./sbx).KubeConfig get nodes'
            Remarks = 'The kubeconfig works with kubectl as with the cmdlets.'
        }
    )
    Notes       = 'Error ids: SandboxNotFound.'
    Links       = @('Start-KubeSandbox', 'Stop-KubeSandbox')
}
