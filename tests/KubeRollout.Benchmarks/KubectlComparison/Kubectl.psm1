# kubectl as a runbook calls it: the kubectl the build installs, the cluster from $env:KUBECONFIG, failures thrown.

$script:KubectlPath = $null

function Set-KubectlPath([Parameter(Mandatory)] [string] $Path) { $script:KubectlPath = $Path }

# Runs kubectl and returns its output; throws with its error output when it fails. A simple function (no
# [Parameter()] attributes), so that kubectl's own flags such as -n and -o reach $args.
function Invoke-Kubectl {
    $arguments = [string[]]$args
    $errorFile = [IO.Path]::GetTempFileName()
    try {
        $output = & $script:KubectlPath @arguments 2> $errorFile
        if ($LASTEXITCODE -ne 0) { throw "kubectl $($arguments -join ' ') failed (exit code $LASTEXITCODE): $(Get-Content $errorFile -Raw)" }
        $output
    }
    finally {
        Remove-Item $errorFile -Force
    }
}

# Runs one kubectl process per argument list, all at once, and waits for every one; throws when any failed.
function Invoke-KubectlParallel([Parameter(Mandatory)] [object[]] $ArgumentLists) {
    $started = foreach ($arguments in $ArgumentLists) {
        $info = [Diagnostics.ProcessStartInfo]::new($script:KubectlPath)
        foreach ($argument in $arguments) { $info.ArgumentList.Add([string]$argument) }
        $info.UseShellExecute = $false
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($info)
        # Both pipes are drained while the processes run, so that none blocks on a full pipe.
        [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Error = $process.StandardError.ReadToEndAsync(); Arguments = $arguments }
    }
    $failures = foreach ($run in $started) {
        $run.Process.WaitForExit()
        if ($run.Process.ExitCode -ne 0) { "kubectl $($run.Arguments -join ' ') failed (exit code $($run.Process.ExitCode)): $($run.Error.Result)" }
        $run.Process.Dispose()
    }
    if ($failures) { throw ($failures -join [Environment]::NewLine) }
}

Export-ModuleMember -Function Set-KubectlPath, Invoke-Kubectl, Invoke-KubectlParallel
