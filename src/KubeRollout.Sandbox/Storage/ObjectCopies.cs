using System.Reflection;

namespace KubeRollout.Sandbox.Storage;

/// <summary>
/// Shallow copies of snapshots. A controller that changes one field (a pod's status, a node name) copies only the
/// objects on the path to that field and shares the rest with the immutable snapshot, instead of deep-cloning
/// the whole object: the store serializes what it is given and never keeps or changes it.
/// </summary>
public static class ObjectCopies
{
    private static readonly Func<object, object> MemberwiseCloneOf =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    public static T Shallow<T>(T obj)
        where T : class => (T)MemberwiseCloneOf(obj);
}
