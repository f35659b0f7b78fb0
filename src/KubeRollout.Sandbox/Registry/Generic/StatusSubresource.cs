using System.Collections.Concurrent;
using System.Reflection;
using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Generic;

/// <summary>
/// How writes split an object between its status and the rest: a write of the main resource keeps the stored
/// status; a write of the status subresource keeps the stored spec and takes the status and the metadata a client
/// may change (labels, annotations, finalizers, ownerReferences) from the request, as the status strategies do
/// before a kind resets some of them (<see cref="ResourceStrategy.PrepareForStatusUpdate"/>).
/// </summary>
internal static class StatusSubresource
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> StatusProperties = new();

    /// <summary>
    /// The stored object with the status and client metadata of <paramref name="sent"/>, built without a JSON round
    /// trip of the whole object (status updates are the most frequent writes): the new snapshot shares the stored
    /// snapshot's spec (snapshots are immutable), gets its own metadata object and copies of what it takes.
    /// </summary>
    public static IKubernetesObject<V1ObjectMeta> StatusUpdateOf(IKubernetesObject<V1ObjectMeta> stored, IKubernetesObject<V1ObjectMeta> sent)
    {
        var candidate = StatusProperty(stored.GetType()) is { } status && sent.GetType() == stored.GetType()
            ? WithCopiedStatus(stored, sent, status)
            : WithStatusOf(stored, sent);
        // Unchanged parts stay shared with the stored snapshot (most status writes send back what they read).
        var meta = candidate.Metadata;
        var from = sent.Metadata ?? new V1ObjectMeta();
        if (!ObjectComparison.SameMap(from.Labels, meta.Labels))
        {
            meta.Labels = from.Labels is null ? null : new Dictionary<string, string>(from.Labels);
        }

        if (!ObjectComparison.SameMap(from.Annotations, meta.Annotations))
        {
            meta.Annotations = from.Annotations is null ? null : new Dictionary<string, string>(from.Annotations);
        }

        if (!(from.Finalizers ?? []).SequenceEqual(meta.Finalizers ?? []))
        {
            meta.Finalizers = from.Finalizers?.ToList();
        }

        if (!ReferenceEquals(from.OwnerReferences, meta.OwnerReferences) && !ObjectComparison.SameValue(from.OwnerReferences ?? [], meta.OwnerReferences ?? []))
        {
            meta.OwnerReferences = from.OwnerReferences is null ? null : ObjectCloner.Clone(from.OwnerReferences.ToList());
        }

        return candidate;
    }

    /// <summary>True when a status write changes neither the status nor the metadata it may change.</summary>
    public static bool SameStatusAndMetadata(IKubernetesObject<V1ObjectMeta> candidate, IKubernetesObject<V1ObjectMeta> stored) =>
        SameStatus(candidate, stored)
        && ObjectComparison.SameMap(candidate.Metadata.Labels, stored.Metadata.Labels)
        && ObjectComparison.SameMap(candidate.Metadata.Annotations, stored.Metadata.Annotations)
        && (candidate.Metadata.Finalizers ?? []).SequenceEqual(stored.Metadata.Finalizers ?? [])
        && ObjectComparison.SameValue(candidate.Metadata.OwnerReferences ?? [], stored.Metadata.OwnerReferences ?? []);

    private static IKubernetesObject<V1ObjectMeta> WithCopiedStatus(IKubernetesObject<V1ObjectMeta> stored, IKubernetesObject<V1ObjectMeta> sent, PropertyInfo status)
    {
        var candidate = ObjectCopies.Shallow(stored);
        candidate.Metadata = ObjectCopies.Shallow(stored.Metadata);
        var newStatus = status.GetValue(sent);
        status.SetValue(candidate, newStatus is null ? null : ModelJson.Deserialize(ModelJson.SerializeToUtf8(newStatus), status.PropertyType));
        return candidate;
    }

    /// <summary>A deep copy of <paramref name="source"/> with the status of <paramref name="statusSource"/>.</summary>
    public static IKubernetesObject<V1ObjectMeta> SpecUpdateOf(IKubernetesObject<V1ObjectMeta> source, IKubernetesObject<V1ObjectMeta> statusSource)
    {
        if (StatusProperty(statusSource.GetType()) is not { } status || source.GetType() != statusSource.GetType())
        {
            return WithStatusOf(source, statusSource);
        }

        var candidate = ObjectCloner.Clone(source);
        var storedStatus = status.GetValue(statusSource);
        status.SetValue(candidate, storedStatus is null ? null : ModelJson.Deserialize(ModelJson.SerializeToUtf8(storedStatus), status.PropertyType));
        return candidate;
    }

    public static bool SameStatus(IKubernetesObject<V1ObjectMeta> candidate, IKubernetesObject<V1ObjectMeta> stored) =>
        StatusProperty(stored.GetType()) is { } status
            ? ModelJson.SerializeToUtf8(status.GetValue(candidate) ?? string.Empty).AsSpan().SequenceEqual(ModelJson.SerializeToUtf8(status.GetValue(stored) ?? string.Empty))
            : ObjectComparison.Same(candidate, stored);

    /// <summary>Clears the status (what a create may not set).</summary>
    public static void Clear(IKubernetesObject<V1ObjectMeta> obj) => StatusProperty(obj.GetType())?.SetValue(obj, null);

    private static PropertyInfo? StatusProperty(Type modelType) =>
        StatusProperties.GetOrAdd(modelType, static t => t.GetProperty("Status"));

    /// <summary>The object's fields except status, with status taken from <paramref name="statusSource"/>.</summary>
    private static IKubernetesObject<V1ObjectMeta> WithStatusOf(IKubernetesObject<V1ObjectMeta> source, IKubernetesObject<V1ObjectMeta> statusSource)
    {
        var json = ModelJson.ToNode(source);
        var status = ModelJson.ToNode(statusSource)["status"];
        json.Remove("status");
        if (status is not null)
        {
            json["status"] = status.DeepClone();
        }

        return (IKubernetesObject<V1ObjectMeta>)ModelJson.FromNode(json, source.GetType());
    }
}
