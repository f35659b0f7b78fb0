using System.Management.Automation;
using KubeRollout.Core.Sandboxes;

namespace KubeRollout.Infrastructure;

/// <summary>
/// Lets a sandbox's -Path take the sandbox object itself (Stop-KubeSandbox $sandbox): without it PowerShell would
/// bind the object's text, which names the server first and is no folder.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SandboxPathTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is SandboxInfo sandbox ? sandbox.Path : inputData;
}
