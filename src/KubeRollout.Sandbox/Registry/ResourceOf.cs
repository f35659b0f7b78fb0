using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry;

/// <summary>The resource of a model type, looked up once per type.</summary>
public static class ResourceOf<TObject>
{
    public static readonly ResourceType Type = ResourceRegistry.ForModel(typeof(TObject));
}
