# The sandbox's life as a user's session sees it through the cmdlets: a restart at the same -Path keeps the objects
# (after a clean stop and after kill -9), -Fresh starts empty, and a state file left by a crash is never taken for a
# running sandbox: not a zombie, not another program that got its process id, and Stop-KubeSandbox kills neither.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) "kuberollout-lifecycle-$([guid]::NewGuid().ToString('N').Substring(0, 8))"

    function Get-Objects($Sandbox) {
        $cluster = [pscustomobject]@{ KubeConfig = $Sandbox.KubeConfig }
        (Invoke-Kubectl -Cluster $cluster get configmaps -n default -o 'jsonpath={range .items[*]}{.metadata.name}={.metadata.uid} {end}').Output.Trim()
    }

    function Set-StateProcess([string] $Folder, [int] $ProcessId) {
        $statePath = Join-Path $Folder 'sandbox.json'
        $state = Get-Content $statePath -Raw | ConvertFrom-Json
        $state.pid = $ProcessId
        $state | ConvertTo-Json | Set-Content $statePath
    }

    # kill -9 and wait until the process has ended: gone, or a zombie its parent has not reaped yet.
    function Stop-Hard([int] $ProcessId) {
        & kill -9 $ProcessId
        $deadline = (Get-Date).AddSeconds(20)
        while ((Get-Date) -lt $deadline) {
            $stat = Get-Content "/proc/$ProcessId/stat" -Raw -ErrorAction SilentlyContinue
            if (-not $stat -or $stat -match '\) [ZX] ') { return }
            Start-Sleep -Milliseconds 50
        }
        throw "process $ProcessId did not end after kill -9"
    }

    # A long-lived process that is not the sandbox, to take the place of the one a crash left named.
    function Start-Impostor { Start-Process -FilePath 'sleep' -ArgumentList '600' -PassThru }
}

AfterAll {
    Get-KubeSandbox -Path $script:folder -ErrorAction SilentlyContinue | Where-Object IsRunning | Stop-KubeSandbox
    if (Test-Path $script:folder) { Remove-Item $script:folder -Recurse -Force }
}

Describe 'A sandbox started again at the same -Path' {
    It 'keeps its objects, CA, token and port across a stop, and -Fresh forgets them' {
        $first = Start-KubeSandbox -Path $script:folder -TimeScale 20
        $cluster = [pscustomobject]@{ KubeConfig = $first.KubeConfig }
        (Invoke-Kubectl -Cluster $cluster create configmap kept --from-literal=a=b).ExitCode | Should -Be 0
        $before = Get-Objects $first
        $kubeconfig = Get-Content $first.KubeConfig -Raw
        $first | Stop-KubeSandbox

        $second = Start-KubeSandbox -Path $script:folder -TimeScale 20
        Get-Objects $second | Should -Be $before
        Get-Content $second.KubeConfig -Raw | Should -Be $kubeconfig -Because 'the same CA, token and port keep the kubeconfig valid'
        $second | Stop-KubeSandbox

        $third = Start-KubeSandbox -Path $script:folder -TimeScale 20 -Fresh
        Get-Objects $third | Should -Not -Match 'kept='
        (Get-KubeSandbox $third).IsRunning | Should -BeTrue -Because 'a sandbox object binds to -Path by position'
        Stop-KubeSandbox $third
        Get-KubeSandbox -Path $script:folder -ErrorAction SilentlyContinue | Where-Object IsRunning | Should -BeNullOrEmpty
        Get-Process -Id $third.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'restarts at once after kill -9, with every acknowledged object' -Skip:$IsWindows {
        $sandbox = Start-KubeSandbox -Path $script:folder -TimeScale 20 -Fresh
        $cluster = [pscustomobject]@{ KubeConfig = $sandbox.KubeConfig }
        foreach ($i in 1..5) { (Invoke-Kubectl -Cluster $cluster create configmap "crash-$i" --from-literal=i=$i).ExitCode | Should -Be 0 }
        $before = Get-Objects $sandbox
        Stop-Hard $sandbox.ProcessId

        (Get-KubeSandbox -Path $script:folder).IsRunning | Should -BeFalse -Because 'a killed sandbox (a zombie until reaped) is not running'
        $again = Start-KubeSandbox -Path $script:folder -TimeScale 20
        $again.IsRunning | Should -BeTrue
        Get-Objects $again | Should -Be $before
        Get-Content (Join-Path $script:folder 'sandbox.log') -Raw | Should -Match 'Restored \d+ objects'
        $again | Stop-KubeSandbox
    }
}

Describe 'A state file left by a crash' -Skip:$IsWindows {
    It 'whose process id another program took is not a running sandbox, and Stop-KubeSandbox leaves that program alone' {
        $sandbox = Start-KubeSandbox -Path $script:folder -TimeScale 20
        Stop-Hard $sandbox.ProcessId
        $impostor = Start-Impostor
        try {
            Set-StateProcess $script:folder $impostor.Id
            $info = Get-KubeSandbox -Path $script:folder
            $info.ProcessId | Should -Be $impostor.Id
            $info.IsRunning | Should -BeFalse

            Stop-KubeSandbox -Path $script:folder
            $impostor.HasExited | Should -BeFalse -Because 'the program that reused the id is not the sandbox'
            Get-Process -Id $impostor.Id | Should -Not -BeNullOrEmpty

            $restarted = Start-KubeSandbox -Path $script:folder -TimeScale 20
            $restarted.IsRunning | Should -BeTrue
            $restarted | Stop-KubeSandbox
        }
        finally {
            if (-not $impostor.HasExited) { $impostor.Kill() }
        }
    }

    It 'naming a zombie is not a running sandbox' {
        $sandbox = Start-KubeSandbox -Path $script:folder -TimeScale 20
        # A child that has exited and that its parent never reaps (bash becomes sleep, which does not wait): a zombie.
        $parent = Start-Process -FilePath 'bash' -ArgumentList '-c', '"sleep 0 & echo $!; exec sleep 600"' -RedirectStandardOutput (Join-Path $script:folder 'zombie.txt') -PassThru
        try {
            $deadline = (Get-Date).AddSeconds(10)
            while (-not (Get-Content (Join-Path $script:folder 'zombie.txt') -ErrorAction SilentlyContinue) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $zombie = [int](Get-Content (Join-Path $script:folder 'zombie.txt'))
            $deadline = (Get-Date).AddSeconds(10)
            while ((Get-Content "/proc/$zombie/stat" -Raw) -notmatch '\) Z ' -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
            (Get-Content "/proc/$zombie/stat" -Raw) | Should -Match '\) Z '
            Stop-Hard $sandbox.ProcessId
            Set-StateProcess $script:folder $zombie

            (Get-KubeSandbox -Path $script:folder).IsRunning | Should -BeFalse
            $restarted = Start-KubeSandbox -Path $script:folder -TimeScale 20
            $restarted.IsRunning | Should -BeTrue
            $restarted | Stop-KubeSandbox
        }
        finally {
            if (-not $parent.HasExited) { $parent.Kill() }
        }
    }
}
