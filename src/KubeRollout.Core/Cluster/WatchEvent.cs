namespace KubeRollout.Core.Cluster;

public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}

/// <summary>One event of a watch; for bookmarks only the resourceVersion is meaningful.</summary>
public sealed record WatchEvent<T>(WatchEventKind Kind, T Object, string? ResourceVersion);
