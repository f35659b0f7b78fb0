using System.Net;
using KubeRollout.Core.Errors;

namespace KubeRollout.Core.Cluster;

/// <summary>The API server refused a request; carries its Status (code, reason, message).</summary>
public sealed class KubeApiException : KubeRolloutException
{
    public KubeApiException(HttpStatusCode statusCode, string reason, string apiMessage, object? target)
        : base($"KubeApi{(reason.Length > 0 ? reason : ((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture))}", KindOf(statusCode), apiMessage, target)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The Status reason: NotFound, AlreadyExists, Conflict, Invalid, Unauthorized, Expired, …</summary>
    public string Reason { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>A stale resourceVersion on write (not an AlreadyExists on create).</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict && Reason == "Conflict";

    private static FailureKind KindOf(HttpStatusCode code) => code switch
    {
        HttpStatusCode.NotFound => FailureKind.ObjectNotFound,
        HttpStatusCode.Conflict => FailureKind.ResourceBusy,
        HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest => FailureKind.InvalidData,
        HttpStatusCode.Unauthorized => FailureKind.AuthenticationError,
        HttpStatusCode.Forbidden => FailureKind.PermissionDenied,
        HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => FailureKind.OperationTimeout,
        _ => FailureKind.InvalidOperation,
    };
}
