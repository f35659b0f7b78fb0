@{
    Synopsis    = 'Starts the local sandbox Kubernetes cluster, to rehearse rollouts and test scripts without a cluster.'
    Description = @'
Start-KubeSandbox starts kuberollout-sandbox, a separate process that serves the real Kubernetes API on 127.0.0.1
over HTTPS (a CA and a bearer token it keeps in PATH, readable by you only), runs the Deployment, ReplicaSet, StatefulSet, DaemonSet and
garbage-collector controllers, and simulates nodes and their kubelets. It writes PATH/kubeconfig with the context
kuberollout-sandbox and returns once the API answers. kubectl and every KubeRollout cmdlet work against it as
against any cluster: pass -KubeConfig (or set $env:KUBECONFIG) to the returned KubeConfig.

Pods start, become ready after a short start-up delay, or fail as configured: images matching -FailingImage start
but never become ready (CrashLoopBackOff with back-off and growing restarts). -TimeScale makes simulated time run
faster, so that minReadySeconds, back-offs and progress deadlines can be tested in seconds.

The sandbox keeps running after the session ends, until Stop-KubeSandbox stops it. It keeps its objects in
PATH/state and writes its log to PATH/sandbox.log (rotated at 1 MiB, three old logs kept): started again at the same
-Path, after Stop-KubeSandbox or a crash, it comes back with every object it had acknowledged, the same CA, token and
(when free) port, so the kubeconfig stays valid; controllers and simulated kubelets carry on with the pods. -Fresh
starts empty instead.
'@
    Parameters  = @{
        Path         = 'The folder for the kubeconfig, the state file and the log. Default: a new folder kuberollout-sandbox-* in the temp folder.'
        Nodes        = 'How many simulated nodes the cluster has (sandbox-node-1 ... N). Default 3.'
        TimeScale    = 'How much faster than wall time simulated time runs (e.g. 10: a 600 s progress deadline passes in 60 s). Default 1.'
        Port         = 'The port to listen on at 127.0.0.1. Default 0: a free port.'
        FailingImage = 'Wildcard patterns of images whose containers crash (e.g. *:broken, nginx:1.27-*): their pods never become ready.'
        Fresh        = 'Starts with an empty cluster, forgetting the objects a sandbox kept in the same -Path folder.'
    }
    Inputs      = @(
        @{ Type = 'None'; Description = 'This cmdlet takes no pipeline input.' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Sandboxes.SandboxInfo'; Description = 'Path, Server, KubeConfig, Context, ProcessId, StartedAt, IsRunning.' }
    )
    Examples    = @(
        @{
            Title   = 'Rehearse a rollout on the sandbox'
            Code    = "`$sandbox = Start-KubeSandbox`n`$env:KUBECONFIG = `$sandbox.KubeConfig`nInvoke-KubeRollout ./examples/vweb/vweb-v1.0.yaml -Wait`nkubectl get deploy,rs,pods"
            Remarks = 'Starts a sandbox, points KubeRollout and kubectl at it, and rolls out a Deployment.'
        }
        @{
            Title   = 'Test failure handling quickly'
            Code    = 'Start-KubeSandbox -Path ./sbx -TimeScale 20 -FailingImage ''*:broken'''
            Remarks = 'Pods of images tagged broken (as in examples/vweb/update/vweb-v2.1-broken.yaml) crash; at time scale 20 a progress deadline of 120 s passes in 6 s.'
        }
        @{
            Title   = 'Keep a cluster between sessions, or start over'
            Code    = "Start-KubeSandbox -Path ./sbx | Stop-KubeSandbox`nStart-KubeSandbox -Path ./sbx          # the same objects as before`nStart-KubeSandbox -Path ./sbx -Fresh   # after a stop: an empty cluster"
            Remarks = 'A restart at the same folder keeps the objects; -Fresh forgets them.'
        }
    )
    Notes       = 'Error ids: SandboxNotInstalled, SandboxAlreadyRunning, SandboxStartFailed (also when another user owns or may write to -Path, or a secret file in it is readable by others), SandboxRuntimeMissing.'
    Links       = @('Stop-KubeSandbox', 'Get-KubeSandbox', 'about_KubeRollout')
}
