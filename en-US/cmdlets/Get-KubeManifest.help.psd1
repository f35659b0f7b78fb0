@{
    Synopsis    = 'Reads Kubernetes manifest files into typed objects and checks them as the API server would.'
    Description = @'
Get-KubeManifest reads YAML or JSON manifest files (one or many documents per file, folders and wildcards
allowed) and returns one object per Kubernetes object, with its kind, name, namespace and the line where it
starts. Every object is checked before anything could be sent: unknown fields, values of the wrong type, a
missing name, an unknown kind or apiVersion, and the validation rules of the API server that users trip over
most (a selector that does not match the template labels, maxSurge and maxUnavailable both 0, …).

A file is taken whole or not at all: when one document of a file is invalid, the cmdlet writes an error that
names the file and line and returns nothing of that file. This is the check Invoke-KubeRollout -WhatIf makes.
It never contacts a cluster.
'@
    Parameters  = @{
        Path        = 'Files or folders to read. Wildcards are expanded. A folder yields its .yaml, .yml and .json files.'
        LiteralPath = 'Files or folders to read, taken literally (no wildcards). Binds to the PSPath of objects from Get-ChildItem.'
        Recurse     = 'Reads the manifest files of sub-folders too.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Paths, by value to -Path or by the PSPath property to -LiteralPath (files from Get-ChildItem).' }
    )
    Outputs     = @(
        @{ Type = 'KubeRollout.Core.Manifests.ManifestObject'; Description = 'One object per Kubernetes object: Kind, ApiVersion, Name, Namespace, Path, Line, the typed Object and its Json.' }
    )
    Examples    = @(
        @{
            Title   = 'Read a manifest'
            Code    = 'Get-KubeManifest ./examples/vweb/vweb-v1.0.yaml'
            Remarks = 'Lists the objects the file defines (here a Deployment) with the file and line each starts at.'
        }
        @{
            Title   = 'Check every manifest of a folder tree before a release'
            Code    = 'Get-ChildItem ./examples -Recurse -Filter *.yaml | Get-KubeManifest -ErrorVariable problems | Group-Object Kind'
            Remarks = 'Reads every YAML file under ./examples, counts the objects per kind, and collects the problems of invalid files in $problems (each names file and line).'
        }
        @{
            Title   = 'Look at the typed object'
            Code    = '(Get-KubeManifest ./examples/vweb/vweb-v1.0.yaml).Object.Spec.Template.Spec.Containers.Image'
            Remarks = 'The Object property holds the typed Kubernetes object, so its fields can be read directly.'
        }
    )
    Notes       = 'Error ids: ManifestFileNotFound, ManifestFileUnreadable, ManifestYamlInvalid, ManifestTooDeep (nested deeper than 64 levels), ManifestTooLarge (over 16 MiB, or over 1,000,000 values with aliases expanded), ManifestNotAnObject, ManifestKindMissing, ManifestKindUnknown, ManifestFieldInvalid, ManifestNameMissing, ManifestInvalid. A file that fails never stops the other files of a folder.'
    Links       = @('about_KubeRollout', 'Invoke-KubeRollout')
}
