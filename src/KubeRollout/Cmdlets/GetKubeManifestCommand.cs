using System.Management.Automation;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Manifests;
using KubeRollout.Infrastructure;

namespace KubeRollout.Cmdlets;

/// <summary>Reads manifest files into typed objects and checks them as the API server would, sending nothing.</summary>
[Cmdlet(VerbsCommon.Get, "KubeManifest", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ManifestObject))]
public sealed class GetKubeManifestCommand : KubeRolloutCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter]
    public SwitchParameter Recurse { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            IReadOnlyList<string> resolved;
            try
            {
                resolved = ProviderPaths.Resolve(this, path, literal);
            }
            catch (KubeRolloutException e)
            {
                WriteFailure(e);
                continue;
            }

            foreach (var file in resolved.SelectMany(p => ManifestFiles.Expand(p, Recurse)))
            {
                var result = ManifestLoader.LoadFile(file);
                result.Failures.ToList().ForEach(WriteFailure);
                WriteObject(result.Objects, enumerateCollection: true);
            }
        }
    }
}
