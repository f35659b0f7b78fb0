using k8s.Models;

namespace KubeRollout.Sandbox.Machinery.Events;

/// <summary>An event a controller reported, waiting to be correlated and written.</summary>
public sealed record PendingEvent(V1ObjectReference Involved, string Type, string Reason, string Message, EventSource Source, DateTime Time)
{
    /// <summary>Source and object: the spam filter's key.</summary>
    public string ObjectKey =>
        string.Join('\u0000', Source.Component, Source.Host, Involved.Kind, Involved.NamespaceProperty, Involved.Name, Involved.Uid, Involved.ApiVersion, Involved.FieldPath);

    /// <summary>Source, object, type and reason: events that differ only in message are "similar".</summary>
    public string SimilarKey => string.Join('\u0000', ObjectKey, Type, Reason);
}
