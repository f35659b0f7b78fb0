using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Releases.BlueGreen;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>
/// A Service's blue-green state: the side that has the traffic and the one that can take it (revision, images,
/// ready replicas), and the endpoints its EndpointSlices list now; with -History, its recorded switches.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeBlueGreen", DefaultParameterSetName = StatusSet)]
[OutputType(typeof(BlueGreenStatus), ParameterSetName = [StatusSet])]
[OutputType(typeof(BlueGreenSwitchRecord), ParameterSetName = [HistorySet])]
public sealed class GetKubeBlueGreenCommand : KubeClusterCmdlet
{
    private const string StatusSet = "Status";
    private const string HistorySet = "History";

    /// <summary>The Service whose traffic the release switches (NAME or svc/NAME).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ServiceName")]
    [ValidateNotNullOrEmpty]
    public string Service { get; set; } = string.Empty;

    /// <summary>Lists the Service's recorded switches instead, oldest first.</summary>
    [Parameter(Mandatory = true, ParameterSetName = HistorySet)]
    public SwitchParameter History { get; set; }

    protected override void BeginProcessing() => EnsureConnected();

    protected override void ProcessRecord()
    {
        try
        {
            var service = BlueGreenNames.Service(Service);
            var ns = EffectiveNamespace;
            if (History)
            {
                WriteObject(Run(token => BlueGreenInspector.GetHistoryAsync(Client, ns, service, token)), enumerateCollection: true);
                return;
            }

            WriteObject(Run(token => BlueGreenInspector.GetStatusAsync(Client, ns, service, token)));
        }
        catch (KubeRolloutException e)
        {
            WriteFailure(e);
        }
    }
}
