using System.Security.Cryptography;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Generic;

/// <summary>names.SimpleNameGenerator: generateName plus five random characters that read as no word.</summary>
internal static class NameGenerator
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Unique(ClusterStore store, ResourceType resource, string? @namespace, string prefix)
    {
        while (true)
        {
            var suffix = string.Create(5, 0, static (span, _) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
                }
            });
            var name = prefix + suffix;
            if (store.Get(resource, @namespace, name) is null)
            {
                return name;
            }
        }
    }
}
