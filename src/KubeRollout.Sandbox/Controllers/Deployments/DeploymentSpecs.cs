using System.Globalization;
using k8s.Models;

namespace KubeRollout.Sandbox.Controllers.Deployments;

/// <summary>
/// A Deployment's spec as the controller reads it: unset fields take the API defaults (replicas 1, RollingUpdate with
/// 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600), and maxSurge/maxUnavailable resolve as
/// ResolveFenceposts does.
/// </summary>
public static class DeploymentSpecs
{
    public const string RollingUpdate = "RollingUpdate";
    public const string Recreate = "Recreate";
    private const string DefaultFencepost = "25%";

    public static int Replicas(V1Deployment d) => d.Spec?.Replicas ?? 1;

    public static string StrategyType(V1Deployment d) => d.Spec?.Strategy?.Type ?? RollingUpdate;

    public static bool IsRollingUpdate(V1Deployment d) => StrategyType(d) == RollingUpdate;

    public static bool IsRecreate(V1Deployment d) => StrategyType(d) == Recreate;

    public static int MinReadySeconds(V1Deployment d) => d.Spec?.MinReadySeconds ?? 0;

    public static bool Paused(V1Deployment d) => d.Spec?.Paused ?? false;

    public static int RevisionHistoryLimit(V1Deployment d) => d.Spec?.RevisionHistoryLimit ?? 10;

    /// <summary>int32 max means "keep everything".</summary>
    public static bool HasRevisionHistoryLimit(V1Deployment d) => RevisionHistoryLimit(d) != int.MaxValue;

    public static int ProgressDeadlineSeconds(V1Deployment d) => d.Spec?.ProgressDeadlineSeconds ?? 600;

    /// <summary>int32 max means "no deadline".</summary>
    public static bool HasProgressDeadline(V1Deployment d) => ProgressDeadlineSeconds(d) != int.MaxValue;

    public static int MaxSurge(V1Deployment d) => IsRollingUpdate(d) ? ResolveFenceposts(d).Surge : 0;

    public static int MaxUnavailable(V1Deployment d)
    {
        var replicas = Replicas(d);
        if (!IsRollingUpdate(d) || replicas == 0)
        {
            return 0;
        }

        return Math.Min(ResolveFenceposts(d).Unavailable, replicas);
    }

    /// <summary>Surge rounds up, unavailable down; both zero makes unavailable 1 (surge may be blocked by quota).</summary>
    public static (int Surge, int Unavailable) ResolveFenceposts(V1Deployment d)
    {
        var rolling = d.Spec?.Strategy?.RollingUpdate;
        var replicas = Replicas(d);
        var surge = ValueFromIntOrPercent(rolling?.MaxSurge?.Value ?? DefaultFencepost, replicas, roundUp: true);
        var unavailable = ValueFromIntOrPercent(rolling?.MaxUnavailable?.Value ?? DefaultFencepost, replicas, roundUp: false);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return (surge, unavailable);
    }

    public static int ValueFromIntOrPercent(string value, int total, bool roundUp)
    {
        if (value.EndsWith('%'))
        {
            var percent = int.Parse(value.AsSpan(0, value.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var exact = (double)percent * total / 100;
            return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }

        return int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }
}
