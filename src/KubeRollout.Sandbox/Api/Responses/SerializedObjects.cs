using System.Runtime.CompilerServices;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Responses;

/// <summary>
/// The JSON of stored objects, computed once per snapshot and shared by every GET, list and watcher that sends it.
/// Safe because the store never changes a snapshot after committing it (see <see cref="ClusterStore"/>); entries go
/// away with their snapshots.
/// </summary>
internal sealed class SerializedObjects
{
    private readonly ConditionalWeakTable<object, byte[]> _cache = new();

    public byte[] Utf8(object storedObject) =>
        _cache.GetValue(storedObject, static o => ModelJson.SerializeToUtf8(o));
}
