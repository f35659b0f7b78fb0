namespace KubeRollout.Sandbox.Registry;

/// <summary>
/// The effective options of a delete: propagation policy (Background, Foreground, Orphan; null for the kind's
/// default), UID and resourceVersion preconditions, dry run and the grace period asked for.
/// </summary>
public sealed record DeleteRequest(
    string? PropagationPolicy = null,
    string? PreconditionUid = null,
    string? PreconditionResourceVersion = null,
    bool DryRun = false,
    long? GracePeriodSeconds = null);
