@{
    Synopsis    = 'Stops a sandbox cluster started by Start-KubeSandbox.'
    Description = @'
Stop-KubeSandbox asks the sandbox in the given folder to stop, waits for it, and ends the process if it does not stop
in time. Its objects stay in the folder: Start-KubeSandbox at the same -Path brings them back (-Fresh starts empty).
-Remove deletes the folder, objects and all. Only the sandbox's own process is ever stopped: a state file left by a
crash names a process id that another program may have since, and that process is left alone (the state file is
removed).
'@
    Parameters  = @{
        Path     = 'The sandbox''s folder, or the sandbox object itself (Stop-KubeSandbox $sandbox). Binds from the Path property of the object Start-KubeSandbox returns.'
        Remove   = 'Also deletes the sandbox''s folder: kubeconfig, token, CA, log and the kept objects.'
        PassThru = 'Returns the stopped sandbox.'
    }
    Inputs      = @(
        @{ Type = 'KubeRollout.Core.Sandboxes.SandboxInfo'; Description = 'Sandboxes from Start-KubeSandbox or Get-KubeSandbox, by their Path property.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Sandboxes.SandboxInfo'; Description = 'With -PassThru: the stopped sandbox.' }
    )
    Examples    = @(
        @{
            Title   = 'Stop the sandbox started earlier'
            Code    = '$sandbox | Stop-KubeSandbox -Remove'
            Remarks = 'Stops it and deletes its folder.'
        }
        @{
            Title   = 'Stop every sandbox of the temp folder'
            Code    = 'Get-KubeSandbox | Stop-KubeSandbox'
            Remarks = 'Useful after test runs that were interrupted.'
        }
    )
    Notes       = 'Error ids: SandboxNotFound.'
    Links       = @('Start-KubeSandbox', 'Get-KubeSandbox')
}
