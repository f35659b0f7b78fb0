using System.Globalization;
using System.Text;

namespace KubeRollout.Core.Rollouts.Plans;

/// <summary>
/// A step's pods at a glance: circles are old pods, squares new ones; filled means available, hollow not (yet):
/// "●●● □" is three old pods serving and one new pod starting. Beyond <see cref="MaxSymbols"/> pods the chart
/// counts instead ("●×997 ■×3"); a step without pods reads "(no pods)".
/// </summary>
public static class PodChart
{
    public const char OldAvailable = '●';
    public const char OldUnavailable = '○';
    public const char NewAvailable = '■';
    public const char NewStarting = '□';
    public const int MaxSymbols = 40;

    public const string NoPods = "(no pods)";

    public static string Draw(RolloutPlanState state)
    {
        if (state.TotalPods == 0)
        {
            return NoPods;
        }

        var groups = new (char Symbol, int Count)[]
        {
            (OldAvailable, state.OldAvailable),
            (OldUnavailable, state.OldPods - state.OldAvailable),
            (NewAvailable, state.NewAvailable),
            (NewStarting, state.NewPods - state.NewAvailable),
        };
        if (state.TotalPods > MaxSymbols)
        {
            return string.Join(" ", groups.Where(g => g.Count > 0).Select(g => $"{g.Symbol}×{g.Count.ToString(CultureInfo.InvariantCulture)}"));
        }

        var old = new StringBuilder().Append(groups[0].Symbol, groups[0].Count).Append(groups[1].Symbol, groups[1].Count).ToString();
        var @new = new StringBuilder().Append(groups[2].Symbol, groups[2].Count).Append(groups[3].Symbol, groups[3].Count).ToString();
        return old.Length > 0 && @new.Length > 0 ? $"{old} {@new}" : old + @new;
    }
}
