using k8s.Models;

namespace KubeRollout.Sandbox.Admission.Defaulting;

internal static class SecretDefaults
{
    public static void Apply(V1Secret secret) => secret.Type ??= "Opaque";
}
