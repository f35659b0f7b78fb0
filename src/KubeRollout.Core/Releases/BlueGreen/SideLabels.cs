namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>
/// The labels of one side's pods: every label of its pod template (<see cref="PodLabels"/>), and those its
/// Deployment's selector fixes (<see cref="StableLabels"/>), which are on every pod it ever makes and cannot change.
/// </summary>
public sealed record SideLabels(string Deployment, IReadOnlyDictionary<string, string> PodLabels, IReadOnlyDictionary<string, string> StableLabels);
