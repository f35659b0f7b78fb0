using System.Management.Automation;
using KubeRollout.Core.Kubernetes;

namespace KubeRollout.Infrastructure;

/// <summary>
/// Lets a TimeSpan parameter take kubectl's durations ("2s", "5m", "1h30m"), a number of seconds, or a TimeSpan,
/// also written as PowerShell converts text to one ("00:01:30", "1.00:00:00").
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeoutTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            TimeSpan span => span,
            // PowerShell reads 60s as the number 60 (the s suffix means [short]): any number is seconds.
            sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal =>
                TimeSpan.FromSeconds(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            string text when GoDuration.TryParse(text, out var duration) => duration,
            // Only with a colon: TimeSpan reads a bare "5" as five days, where kubectl means seconds.
            string text when text.Contains(':', StringComparison.Ordinal)
                && TimeSpan.TryParse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero => span,
            _ => throw new ArgumentTransformationMetadataException(
                $"'{value}' is not a duration. Use a number of seconds, a TimeSpan such as 00:01:30, or kubectl's form such as 2s, 5m or 1h30m."),
        };
    }
}
