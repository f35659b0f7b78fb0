using k8s.Models;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using KubeRollout.Sandbox.Tests.Patching;

namespace KubeRollout.Sandbox.Tests.Registry.Core.Namespaces;

/// <summary>core/v1 namespaces through the registry.</summary>
public class NamespaceRegistryTests
{
    private readonly RegistryFixture _fixture = new();

    [Fact]
    public void NamespaceNamesAreLabels()
    {
        var error = _fixture.Reject(new V1Namespace { Metadata = new V1ObjectMeta { Name = "kiamol.ch09" } });

        Assert.StartsWith("Namespace \"kiamol.ch09\" is invalid: metadata.name: Invalid value: \"kiamol.ch09\": a lowercase RFC 1123 label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANamespaceIsActiveWithItsNameLabelAndTheKubernetesFinalizer()
    {
        var ns = ModelJson.ToNode(_fixture.Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "kiamol" } }, "kubectl"));

        JsonAssert.Equal("""{"kubernetes.io/metadata.name":"kiamol"}""", ns["metadata"]!["labels"]);
        JsonAssert.Equal("""{"finalizers":["kubernetes"]}""", ns["spec"]);
        JsonAssert.Equal("""{"phase":"Active"}""", ns["status"]);
    }

    [Fact]
    public void DeletingStartsTerminationAndOnlyTheFinalizeSubresourceEndsIt()
    {
        var ns = _fixture.Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "shop" } }, "kubectl");

        var terminating = (V1Namespace)_fixture.Registry.Delete(ResourceOf<V1Namespace>.Type, null, "shop", new DeleteRequest());
        var again = (V1Namespace)_fixture.Registry.Delete(ResourceOf<V1Namespace>.Type, null, "shop", new DeleteRequest());
        var edited = RegistryFixture.Copy(terminating);
        edited.Spec.Finalizers = [];
        var update = _fixture.Registry.Update(edited, "kubectl");
        var finalize = RegistryFixture.Copy(terminating);
        finalize.Spec.Finalizers = [];
        var finalized = _fixture.Registry.Update(ResourceOf<V1Namespace>.Type, finalize, "finalize", new WriteRequest("kube-controller-manager"));

        Assert.Null(ns.Metadata.Generation);
        Assert.Equal(("Terminating", _fixture.Clock.UtcNow), (terminating.Status.Phase, terminating.Metadata.DeletionTimestamp));
        Assert.Null(terminating.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(["kubernetes"], terminating.Spec.Finalizers);
        Assert.Equal(terminating.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
        Assert.Equal(["kubernetes"], update.Spec.Finalizers);
        Assert.Equal("Terminating", ((V1Namespace)finalized).Status.Phase);
        Assert.Null(_fixture.Registry.Get<V1Namespace>(null, "shop"));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("kube-system")]
    [InlineData("kube-public")]
    public void TheSystemNamespacesMayNotBeDeleted(string name)
    {
        if (_fixture.Registry.Get<V1Namespace>(null, name) is null)
        {
            _fixture.Registry.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, "kubectl");
        }

        var error = RegistryFixture.Rejected(() => _fixture.Registry.Delete(ResourceOf<V1Namespace>.Type, null, name, new DeleteRequest()));

        Assert.Equal((403, "Forbidden"), (error.Code, error.Reason));
        Assert.Equal($"namespaces \"{name}\" is forbidden: this namespace may not be deleted", error.Message);
        Assert.Null(_fixture.Registry.Get<V1Namespace>(null, name)!.Metadata.DeletionTimestamp);
    }
}
