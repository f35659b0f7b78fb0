using k8s.Models;

namespace KubeRollout.Sandbox.Storage;

/// <summary>A write or read the API refuses; carries what the API returns as a Status object.</summary>
public class StoreException : Exception
{
    public StoreException(int code, string reason, string message, V1StatusDetails? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    /// <summary>HTTP status code (404, 409, 422, …).</summary>
    public int Code { get; }

    /// <summary>The Status reason (NotFound, AlreadyExists, Conflict, Invalid, …).</summary>
    public string Reason { get; }

    public V1StatusDetails? Details { get; }
}

public sealed class StoreConflictException(string message, V1StatusDetails? details = null)
    : StoreException(409, "Conflict", message, details);

public sealed class StoreNotFoundException(string message, V1StatusDetails? details = null)
    : StoreException(404, "NotFound", message, details);
