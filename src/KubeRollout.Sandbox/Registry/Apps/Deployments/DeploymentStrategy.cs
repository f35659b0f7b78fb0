using k8s.Models;
using KubeRollout.Sandbox.Registry.Generic;
using KubeRollout.Sandbox.Registry.Printing;
using KubeRollout.Sandbox.Registry.Validation;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Apps.Deployments;

/// <summary>
/// apps/v1 deployments (pkg/registry/apps/deployment): generation 1 on create; a change of the spec or of the
/// annotations bumps it (the controller copies annotations to the ReplicaSets, so it must see them change).
/// </summary>
public sealed class DeploymentStrategy : ResourceStrategy<V1Deployment>
{
    public static readonly ResourceType Type = new("apps", "v1", "deployments", "deployment", "Deployment", Namespaced: true, typeof(V1Deployment));

    public override ResourceType Resource => Type;

    public override IReadOnlyList<string> ShortNames => ["deploy"];

    public override IReadOnlyList<string> Categories => ["all"];

    public override IReadOnlyList<string> Subresources => ["status", "scale"];

    public override ITablePrinter Printer { get; } = new DeploymentPrinter();

    protected override void Default(V1Deployment obj, V1Deployment? old) => DeploymentDefaults.Apply(obj);

    protected override void PrepareForCreate(V1Deployment obj)
    {
        obj.Status = new V1DeploymentStatus();
        Generation.Start(obj.Metadata);
    }

    protected override void PrepareForUpdate(V1Deployment obj, V1Deployment old) =>
        Generation.BumpIf(
            !ObjectComparison.SameValue(obj.Spec, old.Spec) || !ObjectComparison.SameMap(obj.Metadata.Annotations, old.Metadata.Annotations),
            obj.Metadata,
            old.Metadata);

    /// <summary>The status subresource may change annotations (the controller writes the revision with the status), not labels.</summary>
    protected override void PrepareForStatusUpdate(V1Deployment obj, V1Deployment old) => obj.Metadata.Labels = old.Metadata.Labels;

    protected override void Validate(V1Deployment obj, V1Deployment? old, FieldErrors errors) => DeploymentValidation.Validate(obj, old, errors);
}
