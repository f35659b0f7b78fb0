using System.Globalization;
using System.Text;
using KubeRollout.Sandbox.Controllers.Deployments;

namespace KubeRollout.Sandbox.Controllers.Revisions;

/// <summary>
/// history.HashControllerRevision and ControllerRevisionName: FNV-32 (not 32a) over the revision's raw data and, when
/// given, the collision count as decimal text; the decimal hash rendered with the safe-encoding alphabet.
/// </summary>
public static class ControllerRevisionHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;
    private const int MaxPrefixLength = 223;

    public static string Compute(string data, int? collisionCount)
    {
        var hash = Add(Offset, Encoding.UTF8.GetBytes(data));
        if (collisionCount is { } count)
        {
            hash = Add(hash, Encoding.UTF8.GetBytes(count.ToString(CultureInfo.InvariantCulture)));
        }

        return PodTemplateHash.SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>&lt;owner&gt;-&lt;hash&gt;, the owner's name cut so that the name stays a valid object name.</summary>
    public static string Name(string ownerName, string hash) =>
        (ownerName.Length > MaxPrefixLength ? ownerName[..MaxPrefixLength] : ownerName) + "-" + hash;

    private static uint Add(uint hash, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            hash = unchecked(hash * Prime);
            hash ^= b;
        }

        return hash;
    }
}
