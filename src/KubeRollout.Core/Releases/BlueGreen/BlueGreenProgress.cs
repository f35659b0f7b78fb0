namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>How a long step of a switch stands (waiting for endpoints, the delay before a scale-down), for a progress bar.</summary>
public sealed record BlueGreenProgress(string Activity, string Status, int PercentComplete = -1, bool Completed = false);
