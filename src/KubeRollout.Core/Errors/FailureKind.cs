namespace KubeRollout.Core.Errors;

/// <summary>
/// What kind of failure an error is, independent of PowerShell so that Core stays free of its types;
/// the cmdlet layer maps each kind to an ErrorCategory.
/// </summary>
public enum FailureKind
{
    InvalidArgument,
    InvalidData,
    InvalidResult,
    ObjectNotFound,
    ResourceExists,
    InvalidOperation,
    ConnectionError,
    AuthenticationError,
    PermissionDenied,
    OperationTimeout,
    ResourceBusy,
    OperationStopped,
    NotImplemented,
    ReadError,
    LimitsExceeded,
}
