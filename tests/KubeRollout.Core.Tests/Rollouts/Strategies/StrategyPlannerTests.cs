using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeRollout.Core.Errors;
using KubeRollout.Core.Rollouts.Strategies;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Rollouts.Strategies;

public class StrategyPlannerTests
{
    private static readonly WorkloadReference Vweb = new(WorkloadKind.Deployment, "default", "vweb");
    private static readonly WorkloadReference TodoDb = new(WorkloadKind.StatefulSet, "default", "todo-db");
    private static readonly WorkloadReference TodoProxy = new(WorkloadKind.DaemonSet, "default", "todo-proxy");

    private static StrategyPlan Prepare(WorkloadReference workload, IKubernetesObject<V1ObjectMeta> live, StrategyChange change) =>
        StrategyPlanner.Plan(workload, live, change);

    private static string Refused(WorkloadReference workload, IKubernetesObject<V1ObjectMeta> live, StrategyChange change)
    {
        var error = Assert.Throws<StrategyInvalidException>(() => Prepare(workload, live, change));
        Assert.Equal("StrategyInvalid", error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Equal(workload, error.Target);
        return error.Message;
    }

    private static JsonNode Patch(StrategyPlan update) => JsonNode.Parse(update.Patch)!;

    [Fact]
    public void Changes_only_the_given_settings_with_a_patch_pinned_to_the_version_read()
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment(), new StrategyChange { MaxSurge = "1", MaxUnavailable = "0" });

        Assert.Equal(["strategy.rollingUpdate.maxSurge: 25% -> 1", "strategy.rollingUpdate.maxUnavailable: 25% -> 0"], update.Changes);
        Assert.Empty(update.Warnings);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}},"metadata":{"resourceVersion":"42"}}"""),
            Patch(update)));
    }

    [Fact]
    public void Switching_to_Recreate_removes_rollingUpdate_and_warns_of_downtime()
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment(), new StrategyChange { Type = StrategyType.Recreate });

        Assert.Equal(
            ["strategy.type: RollingUpdate -> Recreate", "strategy.rollingUpdate.maxSurge: 25% -> (none)", "strategy.rollingUpdate.maxUnavailable: 25% -> (none)"],
            update.Changes);
        Assert.Null(Patch(update)["spec"]!["strategy"]!["rollingUpdate"]);
        Assert.True(Patch(update)["spec"]!["strategy"]!.AsObject().ContainsKey("rollingUpdate"));
        Assert.Contains(update.Warnings, w => w.StartsWith("Recreate stops every old pod before it starts any new one", StringComparison.Ordinal));
    }

    [Fact]
    public void Switching_back_to_RollingUpdate_gets_the_servers_defaults()
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment("Recreate"), new StrategyChange { Type = StrategyType.RollingUpdate });

        Assert.Equal("""{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}""", Patch(update)["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void A_surge_of_0_is_valid_next_to_the_default_unavailable()
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment("Recreate"), new StrategyChange { Type = StrategyType.RollingUpdate, MaxSurge = "0" });

        Assert.Equal("""{"maxSurge":0,"maxUnavailable":"25%"}""", Patch(update)["spec"]!["strategy"]!["rollingUpdate"]!.ToJsonString());
    }

    [Fact]
    public void Timings_and_history_change_without_touching_the_strategy()
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment(), new StrategyChange { MinReadySeconds = 30, ProgressDeadlineSeconds = 120, RevisionHistoryLimit = 3 });

        Assert.Equal("""{"spec":{"minReadySeconds":30,"progressDeadlineSeconds":120,"revisionHistoryLimit":3},"metadata":{"resourceVersion":"42"}}""", update.Patch);
        Assert.Equal(["minReadySeconds: 0 -> 30", "progressDeadlineSeconds: 600 -> 120", "revisionHistoryLimit: 10 -> 3"], update.Changes);
    }

    [Fact]
    public void Asking_for_what_is_already_set_changes_nothing()
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment(maxSurge: "1", maxUnavailable: "0"), new StrategyChange { Type = StrategyType.RollingUpdate, MaxSurge = "1", MaxUnavailable = " 0 " });

        Assert.False(update.HasChanges);
        Assert.Equal("""{"spec":{},"metadata":{"resourceVersion":"42"}}""", update.Patch);
    }

    [Theory]
    [InlineData("0", "0", "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0")]
    [InlineData("0%", "0", "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0")]
    [InlineData("1", "120%", "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"120%\"}: must not be greater than 100%")]
    [InlineData("-1", null, "spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0")]
    [InlineData("lots", null, "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"lots\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")]
    [InlineData("-5%", null, "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"-5%\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")]
    public void Refuses_amounts_the_api_refuses_with_its_message(string maxSurge, string? maxUnavailable, string expected) =>
        Assert.Equal($"Deployment.apps \"vweb\" is invalid: {expected}", Refused(Vweb, StoredWorkloads.Deployment(), new StrategyChange { MaxSurge = maxSurge, MaxUnavailable = maxUnavailable }));

    [Fact]
    public void Several_problems_are_listed_as_the_api_lists_them()
    {
        var message = Refused(Vweb, StoredWorkloads.Deployment(), new StrategyChange { MaxSurge = "-1", MinReadySeconds = -5 });

        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: [spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0, spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0]",
            message);
    }

    [Fact]
    public void Refuses_rollingUpdate_values_next_to_Recreate() =>
        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
            Refused(Vweb, StoredWorkloads.Deployment(), new StrategyChange { Type = StrategyType.Recreate, MaxSurge = "1" }));

    [Fact]
    public void Refuses_OnDelete_for_a_Deployment() =>
        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"OnDelete\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\"",
            Refused(Vweb, StoredWorkloads.Deployment(), new StrategyChange { Type = StrategyType.OnDelete }));

    [Fact]
    public void Refuses_a_deadline_not_greater_than_minReadySeconds() =>
        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds",
            Refused(Vweb, StoredWorkloads.Deployment(), new StrategyChange { MinReadySeconds = 600 }));

    [Fact]
    public void Refuses_a_negative_revision_history_limit() =>
        Assert.Equal(
            "Deployment.apps \"vweb\" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
            Refused(Vweb, StoredWorkloads.Deployment(), new StrategyChange { RevisionHistoryLimit = -1 }));

    [Fact]
    public void Refuses_Recreate_for_a_StatefulSet() =>
        Assert.Equal(
            "StatefulSet.apps \"todo-db\" is invalid: spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:\"Recreate\", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' or 'OnDelete'",
            Refused(TodoDb, StoredWorkloads.StatefulSet(), new StrategyChange { Type = StrategyType.Recreate }));

    [Theory]
    [InlineData("0", "Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0")]
    [InlineData("0%", "Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: cannot be 0")]
    [InlineData("101%", "Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"101%\"}: must not be greater than 100%")]
    public void StatefulSet_maxUnavailable_must_be_above_0(string maxUnavailable, string expected) =>
        Assert.Equal(
            $"StatefulSet.apps \"todo-db\" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: {expected}",
            Refused(TodoDb, StoredWorkloads.StatefulSet(), new StrategyChange { MaxUnavailable = maxUnavailable }));

    [Fact]
    public void Refuses_a_partition_with_OnDelete() =>
        Assert.Equal(
            "StatefulSet.apps \"todo-db\" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:3, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'",
            Refused(TodoDb, StoredWorkloads.StatefulSet(), new StrategyChange { Type = StrategyType.OnDelete, Partition = 3 }));

    [Fact]
    public void A_StatefulSet_partition_changes_alone()
    {
        var update = Prepare(TodoDb, StoredWorkloads.StatefulSet(), new StrategyChange { Partition = 3 });

        Assert.Equal("""{"type":"RollingUpdate","rollingUpdate":{"partition":3}}""", Patch(update)["spec"]!["updateStrategy"]!.ToJsonString());
        Assert.Equal(["updateStrategy.rollingUpdate.partition: 0 -> 3"], update.Changes);
        Assert.Empty(update.Warnings);
    }

    [Fact]
    public void A_partition_at_the_replica_count_warns_that_nothing_updates()
    {
        var update = Prepare(TodoDb, StoredWorkloads.StatefulSet(replicas: 5), new StrategyChange { Partition = 5 });

        Assert.Equal(["partition 5 is not below the 5 replicas: a rollout updates no pod until the partition is lowered."], update.Warnings);
    }

    [Fact]
    public void OnDelete_warns_that_pods_update_only_when_deleted()
    {
        var update = Prepare(TodoDb, StoredWorkloads.StatefulSet(), new StrategyChange { Type = StrategyType.OnDelete });

        Assert.Equal("""{"type":"OnDelete","rollingUpdate":null}""", Patch(update)["spec"]!["updateStrategy"]!.ToJsonString());
        Assert.Contains(update.Warnings, w => w.StartsWith("OnDelete updates no pod by itself", StringComparison.Ordinal));
    }

    [Fact]
    public void A_DaemonSet_refuses_surge_next_to_the_default_unavailable() =>
        Assert.Equal(
            "DaemonSet.apps \"todo-proxy\" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero",
            Refused(TodoProxy, StoredWorkloads.DaemonSet(), new StrategyChange { MaxSurge = "1" }));

    [Fact]
    public void A_DaemonSet_refuses_neither_surge_nor_unavailable() =>
        Assert.Equal(
            "DaemonSet.apps \"todo-proxy\" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0",
            Refused(TodoProxy, StoredWorkloads.DaemonSet(), new StrategyChange { MaxUnavailable = "0" }));

    [Fact]
    public void A_DaemonSet_refuses_Recreate() =>
        Assert.Equal(
            "DaemonSet.apps \"todo-proxy\" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:\"Recreate\", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: \"RollingUpdate\", \"OnDelete\"",
            Refused(TodoProxy, StoredWorkloads.DaemonSet(), new StrategyChange { Type = StrategyType.Recreate }));

    [Fact]
    public void A_DaemonSet_surges_one_pod_per_node_when_unavailable_goes_to_0()
    {
        var update = Prepare(TodoProxy, StoredWorkloads.DaemonSet(), new StrategyChange { MaxSurge = "1", MaxUnavailable = "0" });

        Assert.Equal("""{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}""", Patch(update)["spec"]!["updateStrategy"]!.ToJsonString());
    }

    [Theory]
    [InlineData("100%", 3)]
    [InlineData("3", 3)]
    [InlineData("67%", 3)]
    public void Warns_when_every_DaemonSet_pod_may_be_down_at_once(string maxUnavailable, int nodes)
    {
        var update = Prepare(TodoProxy, StoredWorkloads.DaemonSet(nodes: nodes), new StrategyChange { MaxUnavailable = maxUnavailable });

        Assert.Equal([$"maxUnavailable {maxUnavailable} lets all {nodes} pods be unavailable at once: a rollout may take the whole application down, as Recreate does."], update.Warnings);
    }

    [Theory]
    [InlineData("100%", true)]
    [InlineData("3", true)]
    [InlineData("99%", false)]
    [InlineData("2", false)]
    public void Warns_when_every_Deployment_pod_may_be_down_at_once(string maxUnavailable, bool warned)
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment(replicas: 3), new StrategyChange { MaxUnavailable = maxUnavailable });

        Assert.Equal(warned, update.Warnings.Any(w => w.Contains("be unavailable at once", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(WorkloadKind.StatefulSet, "-MaxSurge does not apply to StatefulSets")]
    [InlineData(WorkloadKind.DaemonSet, "-Partition does not apply to DaemonSets")]
    [InlineData(WorkloadKind.Deployment, "-Partition does not apply to Deployments")]
    public void Refuses_settings_the_kind_does_not_have(WorkloadKind kind, string expected)
    {
        var (workload, live, change) = kind switch
        {
            WorkloadKind.StatefulSet => (TodoDb, (IKubernetesObject<V1ObjectMeta>)StoredWorkloads.StatefulSet(), new StrategyChange { MaxSurge = "1" }),
            WorkloadKind.DaemonSet => (TodoProxy, StoredWorkloads.DaemonSet(), new StrategyChange { Partition = 1 }),
            _ => (Vweb, StoredWorkloads.Deployment(), new StrategyChange { Partition = 1 }),
        };

        var error = Assert.Throws<KubeRolloutException>(() => Prepare(workload, live, change));

        Assert.Equal("StrategySettingNotSupported", error.ErrorId);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OnDelete", null, "-MaxSurge and -MaxUnavailable do not apply to a DaemonSet with the OnDelete strategy")]
    [InlineData("RollingUpdate", StrategyType.OnDelete, "-MaxSurge and -MaxUnavailable do not apply to a DaemonSet with the OnDelete strategy")]
    public void Refuses_surge_and_unavailable_a_DaemonSet_would_keep_without_effect(string current, StrategyType? type, string expected)
    {
        var error = Assert.Throws<KubeRolloutException>(() => Prepare(TodoProxy, StoredWorkloads.DaemonSet(current), new StrategyChange { Type = type, MaxSurge = "1", MaxUnavailable = "0" }));

        Assert.Equal("StrategySettingNotSupported", error.ErrorId);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_surge_for_a_DaemonSet_that_switches_from_OnDelete_to_RollingUpdate()
    {
        var update = Prepare(TodoProxy, StoredWorkloads.DaemonSet("OnDelete"), new StrategyChange { Type = StrategyType.RollingUpdate, MaxSurge = "1", MaxUnavailable = "0" });

        Assert.Contains(update.Changes, c => c.Contains("maxSurge", StringComparison.Ordinal));
    }

    [Fact]
    public void The_result_comes_from_what_the_server_stored_and_triggers_no_rollout()
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment(), new StrategyChange { Type = StrategyType.Recreate });
        var stored = StoredWorkloads.Deployment("Recreate");

        var result = StrategyPlanner.Describe(update, stored, sent: true);

        Assert.Equal(("Recreate", null, null), (result.Type, result.MaxSurge, result.MaxUnavailable));
        Assert.Equal((0, 600, 10), (result.MinReadySeconds ?? 0, result.ProgressDeadlineSeconds, result.RevisionHistoryLimit));
        Assert.False(result.RolloutTriggered);
        Assert.Equal(update.Changes, result.Changes);
        Assert.Equal(update.Warnings, result.Warnings);
    }

    [Fact]
    public void A_setting_the_server_did_not_store_is_a_warning()
    {
        var update = Prepare(TodoDb, StoredWorkloads.StatefulSet(), new StrategyChange { MaxUnavailable = "2" });
        var stored = StoredWorkloads.StatefulSet();

        var result = StrategyPlanner.Describe(update, stored, sent: true);

        Assert.Null(result.MaxUnavailable);
        Assert.Equal(["The server did not store what was sent (updateStrategy.rollingUpdate.maxUnavailable: 2 was sent, stored: (none)); it may not support that setting."], result.Warnings);
    }

    [Fact]
    public void A_changed_template_would_show_as_a_triggered_rollout()
    {
        var update = Prepare(Vweb, StoredWorkloads.Deployment(), new StrategyChange { MaxSurge = "1" });
        var stored = StoredWorkloads.Deployment(maxSurge: "1");
        stored.Spec.Template.Spec.Containers[0].Image = "kiamol/vweb:v2";

        Assert.True(StrategyPlanner.Describe(update, stored, sent: true).RolloutTriggered);
    }
}
