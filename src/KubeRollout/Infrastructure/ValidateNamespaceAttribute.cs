using System.Management.Automation;

namespace KubeRollout.Infrastructure;

/// <summary>
/// -Namespace: a name, never empty. Null is accepted and means "not given" (the kubeconfig context's namespace):
/// objects piped in bind their Namespace property, and one without a namespace (a manifest object that takes the
/// session's) has null there.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateNamespaceAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is string text && string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationMetadataException("The namespace is empty: give a namespace name, or leave -Namespace out to use the kubeconfig context's namespace.");
        }
    }
}
