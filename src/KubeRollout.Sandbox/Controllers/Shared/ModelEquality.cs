using k8s;

namespace KubeRollout.Sandbox.Controllers.Shared;

/// <summary>Whether two model values serialize alike (reflect.DeepEqual for the small status objects controllers compare).</summary>
public static class ModelEquality
{
    public static bool SameJson(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        return KubernetesJson.Serialize(a) == KubernetesJson.Serialize(b);
    }
}
