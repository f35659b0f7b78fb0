using System.Management.Automation;
using KubeRollout.Core.Errors;

namespace KubeRollout.Infrastructure;

/// <summary>Maps Core's failure kinds to PowerShell's error categories.</summary>
internal static class ErrorCategories
{
    public static ErrorCategory Of(FailureKind kind) => kind switch
    {
        FailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
        FailureKind.InvalidData => ErrorCategory.InvalidData,
        FailureKind.InvalidResult => ErrorCategory.InvalidResult,
        FailureKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        FailureKind.ResourceExists => ErrorCategory.ResourceExists,
        FailureKind.InvalidOperation => ErrorCategory.InvalidOperation,
        FailureKind.ConnectionError => ErrorCategory.ConnectionError,
        FailureKind.AuthenticationError => ErrorCategory.AuthenticationError,
        FailureKind.PermissionDenied => ErrorCategory.PermissionDenied,
        FailureKind.OperationTimeout => ErrorCategory.OperationTimeout,
        FailureKind.ResourceBusy => ErrorCategory.ResourceBusy,
        FailureKind.OperationStopped => ErrorCategory.OperationStopped,
        FailureKind.NotImplemented => ErrorCategory.NotImplemented,
        FailureKind.ReadError => ErrorCategory.ReadError,
        FailureKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        _ => ErrorCategory.NotSpecified,
    };
}
