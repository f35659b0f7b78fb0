using System.Security.Cryptography;
using k8s.Models;
using KubeRollout.Sandbox.Machinery.Time;

namespace KubeRollout.Sandbox.Simulation.Kubelet;

/// <summary>
/// One simulated container, as a state machine over simulated time. Each start attempt asks for the behavior in
/// force (annotation, failure rules); crashes restart like the kubelet's back-off: the first restart at once, then
/// after 10 s, 20 s, 40 s … capped at 5 min (CrashLoopBackOff); failed pulls retry on the same back-off
/// (ErrImagePull, ImagePullBackOff). A container of a pod that is not always restarted (restartPolicy Never or
/// OnFailure) and that no failure rule touches runs for a short while and exits with code 0 (Completed).
/// </summary>
public sealed class ContainerRuntime
{
    public static readonly TimeSpan DefaultCrashAfter = TimeSpan.FromSeconds(1);

    /// <summary>How long a run-to-completion container works before it exits successfully.</summary>
    public static readonly TimeSpan RunToCompletion = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan InitialBackOff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StatusDelay = TimeSpan.FromSeconds(1);

    /// <summary>The pod worker's back-off after a sync that failed (a container that could not be created).</summary>
    private static readonly TimeSpan ConfigRetry = TimeSpan.FromSeconds(10);

    private TimeSpan? _crashBackOff;
    private TimeSpan? _pullBackOff;
    private DateTime? _pullFailedAt;

    public ContainerRuntime(V1Container container, DateTime createUntil)
    {
        Name = container.Name;
        Image = container.Image ?? string.Empty;
        ReadinessDelay = container.ReadinessProbe is { } probe ? TimeSpan.FromSeconds(probe.InitialDelaySeconds ?? 0) : TimeSpan.Zero;
        Stage = ContainerStage.Creating;
        NextTransition = createUntil;
    }

    public string Name { get; }

    public string Image { get; }

    public TimeSpan ReadinessDelay { get; }

    public ContainerStage Stage { get; private set; }

    /// <summary>When the state changes next by itself (null: never).</summary>
    public DateTime? NextTransition { get; private set; }

    public int RestartCount { get; private set; }

    public string? ContainerId { get; private set; }

    public DateTime? StartedAt { get; private set; }

    /// <summary>When the current run becomes Ready (null: not in this run).</summary>
    public DateTime? ReadyAt { get; private set; }

    public DateTime? CrashAt { get; private set; }

    /// <summary>When the current run exits with code 0 (null: it does not end by itself).</summary>
    public DateTime? CompleteAt { get; private set; }

    public bool EverStarted { get; private set; }

    public TerminatedRun? Terminated { get; private set; }

    public TerminatedRun? LastTerminated { get; private set; }

    /// <summary>The message of the current waiting state (CrashLoopBackOff, ErrImagePull), if any.</summary>
    public string? WaitingMessage { get; private set; }

    /// <summary>Ready now: running, past its readiness delay, and not past a crash still to be reported.</summary>
    public bool IsReady(DateTime now) =>
        Stage == ContainerStage.Running && ReadyAt is { } at && at <= now && (CrashAt is not { } crash || crash > now)
        && (CompleteAt is not { } completion || completion > now);

    /// <summary>Exited and never restarted, with exit code 0.</summary>
    public bool Succeeded => Stage == ContainerStage.Dead && Terminated?.ExitCode == 0;

    /// <summary>A container still being created starts its creation anew at <paramref name="createUntil"/> (the pod was blocked before it).</summary>
    public void CreateUntil(DateTime createUntil)
    {
        if (Stage == ContainerStage.Creating)
        {
            NextTransition = createUntil;
        }
    }

    /// <summary>
    /// Applies the next transition if it is due by <paramref name="now"/>, reporting the kubelet's events. One at a
    /// time: a kubelet that runs late still reports every state (ErrImagePull before ImagePullBackOff, a crash
    /// before the restart); the caller syncs again while transitions are due.
    /// </summary>
    public void Advance(DateTime now, ContainerContext context, List<KubeletEvent> events)
    {
        if (NextTransition is { } at && at <= now)
        {
            switch (Stage)
            {
                case ContainerStage.Creating:
                case ContainerStage.ImagePullBackOff:
                case ContainerStage.ConfigError:
                    Attempt(at, context, events);
                    break;
                case ContainerStage.ErrImagePull:
                    _pullBackOff = _pullBackOff is null ? InitialBackOff : Min(_pullBackOff.Value * 2, MaxBackOff);
                    Stage = ContainerStage.ImagePullBackOff;
                    WaitingMessage = $"Back-off pulling image \"{Image}\"";
                    NextTransition = _pullFailedAt!.Value + _pullBackOff.Value;
                    events.Add(new KubeletEvent("Normal", "BackOff", $"Back-off pulling image \"{Image}\"", Name));
                    events.Add(new KubeletEvent("Warning", "Failed", "Error: ImagePullBackOff", Name));
                    break;
                case ContainerStage.Running:
                    if (CrashAt is { } crashAt && crashAt <= at)
                    {
                        Crash(crashAt, context);
                    }
                    else if (CompleteAt is { } completeAt && completeAt <= at)
                    {
                        Complete(completeAt);
                    }
                    else
                    {
                        NextTransition = CrashAt ?? CompleteAt;
                    }

                    break;
                case ContainerStage.Exited:
                    AfterExit(at, context, events);
                    break;
                case ContainerStage.CrashLoopBackOff:
                    _crashBackOff = Min(_crashBackOff!.Value * 2, MaxBackOff);
                    Restart(at, context, events);
                    break;
                default:
                    NextTransition = null;
                    break;
            }
        }
    }

    private void Attempt(DateTime at, ContainerContext context, List<KubeletEvent> events)
    {
        var behavior = context.Decide(Image);
        if (behavior == ContainerBehavior.Unpullable)
        {
            Stage = ContainerStage.ErrImagePull;
            WaitingMessage = PullError();
            _pullFailedAt = at;
            NextTransition = at + StatusDelay;
            events.Add(new KubeletEvent("Normal", "Pulling", $"Pulling image \"{Image}\"", Name));
            events.Add(new KubeletEvent("Warning", "Failed", $"Failed to pull image \"{Image}\": {PullError()}", Name));
            events.Add(new KubeletEvent("Warning", "Failed", "Error: ErrImagePull", Name));
            return;
        }

        _pullBackOff = null;
        if (context.ConfigError(Name) is { } error)
        {
            // The image is there; generating the container's config fails on its env sources.
            Stage = ContainerStage.ConfigError;
            WaitingMessage = error;
            NextTransition = at + ConfigRetry;
            events.Add(new KubeletEvent("Normal", "Pulled", $"Container image \"{Image}\" already present on machine", Name));
            events.Add(new KubeletEvent("Warning", "Failed", $"Error: {error}", Name));
            return;
        }

        Stage = ContainerStage.Running;
        StartedAt = at;
        EverStarted = true;
        ContainerId = "containerd://" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var crashAfter = context.CrashAfter;
        CrashAt = behavior == ContainerBehavior.Crash ? at + (crashAfter ?? DefaultCrashAfter) : null;
        CompleteAt = behavior is ContainerBehavior.Normal or ContainerBehavior.Ready && context.RestartPolicy != "Always" ? at + RunToCompletion : null;
        ReadyAt = behavior switch
        {
            ContainerBehavior.Normal or ContainerBehavior.Ready => at + ReadinessDelay,
            ContainerBehavior.Crash when crashAfter is not null => at + ReadinessDelay,
            _ => null,
        };
        if (ReadyAt >= (CrashAt ?? CompleteAt))
        {
            ReadyAt = null;
        }

        NextTransition = ReadyAt > at ? ReadyAt : CrashAt ?? CompleteAt;
        events.Add(new KubeletEvent("Normal", "Pulled", $"Container image \"{Image}\" already present on machine", Name));
        events.Add(new KubeletEvent("Normal", "Created", $"Created container: {Name}", Name));
        events.Add(new KubeletEvent("Normal", "Started", $"Started container {Name}", Name));
    }

    private void Crash(DateTime at, ContainerContext context)
    {
        Terminated = new TerminatedRun(1, "Error", StartedAt!.Value, at, ContainerId!);
        ReadyAt = null;
        CrashAt = null;
        if (context.RestartPolicy == "Never")
        {
            Stage = ContainerStage.Dead;
            NextTransition = null;
            return;
        }

        Stage = ContainerStage.Exited;
        NextTransition = at + StatusDelay;
    }

    /// <summary>A successful exit: containers that are not always restarted stay terminated.</summary>
    private void Complete(DateTime at)
    {
        Terminated = new TerminatedRun(0, "Completed", StartedAt!.Value, at, ContainerId!);
        ReadyAt = null;
        CompleteAt = null;
        Stage = ContainerStage.Dead;
        NextTransition = null;
    }

    /// <summary>The kubelet's doBackOff: no back-off entry yet means restart now (and start one at 10 s).</summary>
    private void AfterExit(DateTime at, ContainerContext context, List<KubeletEvent> events)
    {
        var finishedAt = Terminated!.FinishedAt;
        if (_crashBackOff is null)
        {
            _crashBackOff = InitialBackOff;
            Restart(at, context, events);
            return;
        }

        if (at - finishedAt < _crashBackOff)
        {
            Stage = ContainerStage.CrashLoopBackOff;
            WaitingMessage = $"back-off {GoDuration.Format(_crashBackOff.Value)} restarting failed container={Name} pod={context.PodDescription}";
            NextTransition = finishedAt + _crashBackOff.Value;
            events.Add(new KubeletEvent("Warning", "BackOff", $"Back-off restarting failed container {Name} in pod {context.PodDescription}", Name));
            return;
        }

        _crashBackOff = Min(_crashBackOff.Value * 2, MaxBackOff);
        Restart(at, context, events);
    }

    private void Restart(DateTime at, ContainerContext context, List<KubeletEvent> events)
    {
        LastTerminated = Terminated;
        Terminated = null;
        RestartCount++;
        Attempt(at, context, events);
    }

    private string PullError()
    {
        var reference = ImageReference.Normalize(Image);
        return $"rpc error: code = NotFound desc = failed to pull and unpack image \"{reference}\": failed to resolve reference \"{reference}\": {reference}: not found";
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
