using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>
/// The pod-template-hash that names a Deployment's ReplicaSets (controller.ComputeHash): FNV-32a over the template
/// and, when set, the collision count as 8 little-endian bytes; the decimal value rendered with the safe-encoding
/// alphabet (rand.SafeEncodeString), so names look like <c>vweb-5d9c6b7f4b</c>.
///
/// Difference from Kubernetes: the real hash feeds go-spew's dump of the Go struct (every field, in Go declaration
/// order, defaulted by the API server) to FNV; here the template's canonical JSON (keys sorted, empty values left
/// out) is hashed. The algorithm, collision handling, length and alphabet are the same; the value for a given
/// template differs from a real cluster's.
/// </summary>
public static class PodTemplateHash
{
    public const string Label = "pod-template-hash";
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private static readonly ConditionalWeakTable<V1PodTemplateSpec, string> ComparableForms = new();

    public static string Compute(V1PodTemplateSpec template, int? collisionCount)
    {
        var hash = Fnv32a.Offset;
        hash = Fnv32a.Add(hash, CanonicalJson.Render(template));
        if (collisionCount is { } count)
        {
            Span<byte> bytes = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, unchecked((uint)count));
            hash = Fnv32a.Add(hash, bytes);
        }

        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    public static string SafeEncode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            builder.Append(SafeAlphabet[b % SafeAlphabet.Length]);
        }

        return builder.ToString();
    }

    /// <summary>Whether two templates are equal apart from the pod-template-hash label (deploymentutil.EqualIgnoreHash).</summary>
    public static bool EqualIgnoringHash(V1PodTemplateSpec? a, V1PodTemplateSpec? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return ComparableForm(a) == ComparableForm(b);
    }

    /// <summary>Templates in the cache are immutable snapshots, so their comparable form is computed once.</summary>
    private static string ComparableForm(V1PodTemplateSpec template) =>
        ComparableForms.GetValue(template, static t => CanonicalJson.RenderString(t, json =>
        {
            if (json["metadata"]?["labels"] is System.Text.Json.Nodes.JsonObject labels)
            {
                labels.Remove(Label);
            }
        }));

    private static class Fnv32a
    {
        public const uint Offset = 2166136261;
        private const uint Prime = 16777619;

        public static uint Add(uint hash, ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                hash ^= b;
                hash = unchecked(hash * Prime);
            }

            return hash;
        }
    }
}
