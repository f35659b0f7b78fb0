namespace KubeRollout.Sandbox.Storage;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}
