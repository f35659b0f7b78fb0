using KubeRollout.Core.Apply;
using KubeRollout.Core.Releases.Config;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Tests.Releases.Config;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Apply;

public class ApplyDescriptionTests
{
    private const string SecretValue = "Okapi-Secret-2718";

    private static readonly ConfigDependent Web = new(WorkloadKind.Deployment, "ns", "web", ["env RELEASE of container web", "volume site"], ReadsAtStart: true);

    private static ApplyResult InPlace(string kind, params ConfigDependent[] dependents) => new()
    {
        Kind = kind,
        Namespace = "ns",
        Name = "cfg",
        Action = ApplyAction.Configured,
        DataChanges = kind == "Secret"
            ? ConfigDataDiff.Between(PodSpecs.Json("""{"kind":"Secret","data":{"password":"eA=="}}"""), PodSpecs.Json("""{"kind":"Secret","stringData":{"password":"SECRET"}}""".Replace("SECRET", SecretValue, StringComparison.Ordinal)))
            : [new ConfigKeyChange("release", ConfigKeyChangeKind.Changed, "v3.0", "v3.1", false)],
        Dependents = dependents,
    };

    [Fact]
    public void A_config_changed_in_place_lists_its_keys_and_warns_naming_every_dependent()
    {
        var text = ApplyDescription.Of(InPlace("ConfigMap", Web), restartDependents: false);

        Assert.StartsWith("configmap/cfg in namespace ns: configure in place (no rollout)", text, StringComparison.Ordinal);
        Assert.Contains("~ release: v3.0 -> v3.1", text, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/web (env RELEASE of container web, volume site) references it", text, StringComparison.Ordinal);
        Assert.Contains("keep the old values in their environment", text, StringComparison.Ordinal);
        Assert.Contains("Undo-KubeRollout cannot bring the old data back", text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_restarts_the_warning_says_the_dependents_are_restarted()
    {
        var warning = ApplyDescription.InPlaceWarning(InPlace("ConfigMap", Web), restartDependents: true);

        Assert.Contains("they are restarted", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_but_configs_changed_in_place_gets_a_warning()
    {
        var workload = new ApplyResult
        {
            Kind = "Deployment",
            Namespace = "ns",
            Name = "web",
            Action = ApplyAction.Configured,
            RolloutTriggered = true,
            Changes = [new TemplateChange(TemplateChangeKind.Changed, "spec.template.spec.containers[web].image", "a", "b")],
        };

        Assert.Null(ApplyDescription.InPlaceWarning(workload, restartDependents: false));
        Assert.Null(ApplyDescription.InPlaceWarning(InPlace("ConfigMap") with { Action = ApplyAction.Created }, restartDependents: false));
        Assert.Equal(
            "deployment/web in namespace ns: configure, rolling out a new revision" + Environment.NewLine + "    ~ spec.template.spec.containers[web].image: a -> b",
            ApplyDescription.Of(workload, restartDependents: false));
    }

    [Fact]
    public void A_secret_changed_in_place_is_described_without_its_values()
    {
        var result = InPlace("Secret", Web);

        var text = ApplyDescription.Of(result, restartDependents: false) + ApplyDescription.InPlaceWarning(result, restartDependents: false) + result;

        Assert.Contains("~ password (value hidden)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SecretValue)), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependents_already_rolled_out_by_the_apply_are_not_restarted()
    {
        var other = new ConfigDependent(WorkloadKind.StatefulSet, "ns", "db", ["envFrom of container db"], ReadsAtStart: true);
        var results = new[]
        {
            InPlace("ConfigMap", Web, other),
            InPlace("Secret", Web) with { Name = "sec" },
            new ApplyResult { Kind = "StatefulSet", Namespace = "ns", Name = "db", Action = ApplyAction.Configured, RolloutTriggered = true },
        };

        Assert.Equal([Web.Workload], ReleaseApply.DependentsToRestart(results).Select(d => d.Workload));
    }

    [Fact]
    public void The_warnings_of_a_result_follow_the_in_place_warning_in_the_description_and_in_order()
    {
        var recreate = "deployment/web rolls out with the Recreate strategy: all 2 of its pods are stopped before any new one starts, so the application is down until the new pods are ready.";
        var deployment = new ApplyResult { Kind = "Deployment", Namespace = "ns", Name = "web", Action = ApplyAction.Configured, RolloutTriggered = true, Warnings = [recreate] };
        var config = InPlace("ConfigMap", Web) with { Warnings = ["another"] };

        Assert.Equal([recreate], ApplyDescription.Warnings(deployment, restartDependents: false));
        Assert.EndsWith(Environment.NewLine + "    " + recreate, ApplyDescription.Of(deployment, restartDependents: false), StringComparison.Ordinal);
        var warnings = ApplyDescription.Warnings(config, restartDependents: false);
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("configmap/cfg is changed in place", warnings[0], StringComparison.Ordinal);
        Assert.Equal("another", warnings[1]);
    }

    [Fact]
    public void A_write_that_changes_no_field_says_so()
    {
        var recordsOnly = new ApplyResult { Kind = "Service", Namespace = "ns", Name = "web", Action = ApplyAction.Configured };
        var withChanges = recordsOnly with { Changes = [new TemplateChange(TemplateChangeKind.Changed, "spec.selector.app", "a", "b")] };

        Assert.Equal($"service/web in namespace ns: configure (no rollout){Environment.NewLine}    ~ no field changes: the write only renews the records of the applied configuration or values the server defaults", ApplyDescription.Of(recordsOnly, restartDependents: false));
        Assert.DoesNotContain("no field changes", ApplyDescription.Of(withChanges, restartDependents: false), StringComparison.Ordinal);
    }
}
