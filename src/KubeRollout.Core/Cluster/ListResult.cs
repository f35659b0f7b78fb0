namespace KubeRollout.Core.Cluster;

/// <summary>The items of a list and the resourceVersion to watch from.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string ResourceVersion);
