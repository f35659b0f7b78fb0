namespace KubeRollout.Core.Releases.BlueGreen;

/// <summary>Whether a side's pods are what the Service selects now.</summary>
public enum BlueGreenRole
{
    /// <summary>The Service's selector matches its pods: it receives the traffic.</summary>
    Active,

    /// <summary>A side the Service could be switched to.</summary>
    Standby,
}
