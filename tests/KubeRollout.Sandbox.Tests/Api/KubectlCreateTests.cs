using System.Text;
using System.Text.RegularExpressions;
using k8s;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>kubectl 1.35's create generators, which send protobuf bodies, print what a real cluster makes them print.</summary>
public sealed class KubectlCreateTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task Create_namespace()
    {
        var name = "pb-" + Guid.NewGuid().ToString("N")[..8];

        var created = await CreateWithProtobufAsync("create", "namespace", name);
        var listed = await Kubectl.RunAsync("get", "namespace", name);

        Assert.Equal($"namespace/{name} created\n", created);
        Assert.Matches($@"^{name} +Active +\d+s$", listed.Output.Split('\n')[1]);
    }

    [Fact]
    public async Task Create_configmap_from_a_literal()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "configmap", "c", "--from-literal=a=b", "-n", ns);
        var value = await Kubectl.RunAsync("get", "configmap", "c", "-n", ns, "-o", "jsonpath={.data.a}");

        Assert.Equal("configmap/c created\n", created);
        Assert.Equal("b", value.Output);
    }

    [Fact]
    public async Task Create_generic_secret_from_a_literal()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "secret", "generic", "s", "--from-literal=p=q", "-n", ns);
        var listed = await Kubectl.RunAsync("get", "secret", "s", "-n", ns);
        var secret = await sandbox.Client.CoreV1.ReadNamespacedSecretAsync("s", ns);

        Assert.Equal("secret/s created\n", created);
        Assert.Matches(@"^s +Opaque +1 +\d+s$", listed.Output.Split('\n')[1]);
        Assert.Equal("q", Encoding.UTF8.GetString(secret.Data["p"]));
    }

    [Fact]
    public async Task Create_deployment_then_it_rolls_out()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "deployment", "d", "--image=nginx:1.27", "--replicas=2", "-n", ns);
        var status = await Kubectl.RunAsync("rollout", "status", "deployment/d", "-n", ns, "--timeout=60s");
        var listed = await Kubectl.RunAsync("get", "deployment", "d", "-n", ns, "-o", "wide");

        Assert.Equal("deployment.apps/d created\n", created);
        Assert.Equal(0, status.ExitCode);
        Assert.EndsWith("deployment \"d\" successfully rolled out\n", status.Output);
        Assert.Matches(@"^d +2/2 +2 +2 +\d+s +nginx +nginx:1\.27 +app=d$", listed.Output.Split('\n')[1]);
    }

    [Fact]
    public async Task Create_clusterip_service()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "service", "clusterip", "s", "--tcp=80:8080", "-n", ns);
        var listed = await Kubectl.RunAsync("get", "service", "s", "-n", ns);
        var service = await sandbox.Client.CoreV1.ReadNamespacedServiceAsync("s", ns);

        Assert.Equal("service/s created\n", created);
        Assert.Matches(@"^s +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +80/TCP +\d+s$", listed.Output.Split('\n')[1]);
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal(("80-8080", 80, "8080", "TCP"), (port.Name, port.Port, port.TargetPort.Value, port.Protocol));
        Assert.Equal("s", service.Spec.Selector["app"]);
    }

    [Fact]
    public async Task Create_serviceaccount()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "serviceaccount", "robot", "-n", ns);

        var account = await sandbox.Client.CoreV1.ReadNamespacedServiceAccountAsync("robot", ns);
        Assert.Equal("serviceaccount/robot created\n", created);
        Assert.Equal("robot", account.Metadata.Name);
        Assert.Null(account.Metadata.Generation);
    }

    [Fact]
    public async Task Autoscale_a_deployment()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        await CreateWithProtobufAsync("create", "deployment", "web", "--image=nginx:1.27", "-n", ns);

        var created = await CreateWithProtobufAsync("autoscale", "deployment", "web", "--min=2", "--max=3", "--cpu=70%", "-n", ns);

        var hpa = await Kubectl.RunAsync("get", "hpa", "web", "-n", ns, "-o",
            "jsonpath={.spec.minReplicas} {.spec.maxReplicas} {.spec.scaleTargetRef.kind}/{.spec.scaleTargetRef.name} {.spec.metrics[0].resource.name} {.spec.metrics[0].resource.target.averageUtilization}");
        Assert.Equal("horizontalpodautoscaler.autoscaling/web autoscaled\n", created);
        Assert.Equal("2 3 Deployment/web cpu 70", hpa.Output);
    }

    [Fact]
    public async Task Create_a_cronjob_and_a_job_from_it()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var cron = await CreateWithProtobufAsync("create", "cronjob", "pi", "--schedule=*/5 * * * *", "--image=perl:5.34", "-n", ns, "--", "perl", "-e", "print 1");
        var job = await CreateWithProtobufAsync("create", "job", "pi-now", "--from=cronjob/pi", "-n", ns);
        var waited = await Kubectl.RunAsync("wait", "--for=condition=complete", "job/pi-now", "-n", ns, "--timeout=60s");
        var owner = await Kubectl.RunAsync("get", "job", "pi-now", "-n", ns, "-o",
            "jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate} {.spec.template.spec.containers[0].command}");

        Assert.Equal("cronjob.batch/pi created\n", cron);
        Assert.Equal("job.batch/pi-now created\n", job);
        Assert.Equal(0, waited.ExitCode);
        Assert.Equal("CronJob/pi manual [\"perl\",\"-e\",\"print 1\"]", owner.Output);
    }

    [Fact]
    public async Task Create_poddisruptionbudgets_with_numbers_and_percentages()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var byNumber = await CreateWithProtobufAsync("create", "pdb", "by-number", "--selector=app=rails", "--min-available=2", "-n", ns);
        await CreateWithProtobufAsync("create", "pdb", "by-percent", "--selector=app=rails", "--max-unavailable=50%", "-n", ns);

        var values = await Kubectl.RunAsync("get", "pdb", "-n", ns, "-o", "jsonpath={range .items[*]}{.metadata.name}={.spec.minAvailable}/{.spec.maxUnavailable}/{.spec.selector.matchLabels.app} {end}");
        Assert.Equal("poddisruptionbudget.policy/by-number created\n", byNumber);
        Assert.Equal("by-number=2//rails by-percent=/50%/rails ", values.Output);
    }

    [Fact]
    public async Task Create_a_job_that_runs_to_completion()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync("create", "job", "pi", "--image=perl:5.34", "-n", ns, "--", "perl", "-Mbignum=bpi", "-wle", "print bpi(20)");
        var waited = await Kubectl.RunAsync("wait", "--for=condition=complete", "job/pi", "-n", ns, "--timeout=60s");
        var command = await Kubectl.RunAsync("get", "job", "pi", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].command}");

        Assert.Equal("job.batch/pi created\n", created);
        Assert.Equal(0, waited.ExitCode);
        Assert.Equal("[\"perl\",\"-Mbignum=bpi\",\"-wle\",\"print bpi(20)\"]", command.Output);
    }

    [Fact]
    public async Task Create_roles_and_bindings()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var cluster = "pb-" + Guid.NewGuid().ToString("N")[..8];

        await CreateWithProtobufAsync("create", "role", "reader", "--verb=get,list", "--resource=pods,deployments.apps", "-n", ns);
        await CreateWithProtobufAsync("create", "rolebinding", "read", "--role=reader", "--user=alice", "--serviceaccount=" + ns + ":robot", "-n", ns);
        await CreateWithProtobufAsync("create", "clusterrole", cluster, "--verb=get", "--non-resource-url=/healthz");
        var bound = await CreateWithProtobufAsync("create", "clusterrolebinding", cluster, "--clusterrole=" + cluster, "--group=ops");

        var role = await Kubectl.RunAsync("get", "role", "reader", "-n", ns, "-o", "jsonpath={range .rules[*]}{.apiGroups}{.resources}{.verbs} {end}");
        var binding = await Kubectl.RunAsync("get", "rolebinding", "read", "-n", ns, "-o", "jsonpath={.roleRef.kind}/{.roleRef.name} {range .subjects[*]}{.kind}:{.name} {end}");
        var clusterRole = await Kubectl.RunAsync("get", "clusterrole", cluster, "-o", "jsonpath={.rules[0].nonResourceURLs}");
        Assert.Equal($"clusterrolebinding.rbac.authorization.k8s.io/{cluster} created\n", bound);
        Assert.Equal("[\"\"][\"pods\"][\"get\",\"list\"] [\"apps\"][\"deployments\"][\"get\",\"list\"] ", role.Output);
        Assert.Equal("Role/reader User:alice ServiceAccount:robot ", binding.Output);
        Assert.Equal("[\"/healthz\"]", clusterRole.Output);
        await Kubectl.RunAsync("delete", "clusterrolebinding,clusterrole", cluster);
    }

    [Fact]
    public async Task Create_ingress_with_rules_tls_and_a_default_backend()
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var created = await CreateWithProtobufAsync(
            "create", "ingress", "web", "--class=nginx", "--rule=foo.com/bar*=svc:8080,tls=secret1", "--default-backend=default:http", "-n", ns);

        var spec = await Kubectl.RunAsync("get", "ingress", "web", "-n", ns, "-o",
            "jsonpath={.spec.ingressClassName} {.spec.rules[0].host}{.spec.rules[0].http.paths[0].path} {.spec.rules[0].http.paths[0].pathType} {.spec.rules[0].http.paths[0].backend.service.name}:{.spec.rules[0].http.paths[0].backend.service.port.number} {.spec.tls[0].secretName} {.spec.defaultBackend.service.name}:{.spec.defaultBackend.service.port.name}");
        Assert.Equal("ingress.networking.k8s.io/web created\n", created);
        Assert.Equal("nginx foo.com/bar Prefix svc:8080 secret1 default:http", spec.Output);
    }

    /// <summary>Runs a create command with -v=8, checks that its body went as protobuf and returns what it printed.</summary>
    private async Task<string> CreateWithProtobufAsync(params string[] arguments)
    {
        // Before the command: after a "--" it would be the container's argument.
        var result = await Kubectl.RunAsync(["-v=8", .. arguments]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(new Regex(@"verb=""POST""[^\n]*\n(\s+\S[^\n]*\n)*?\s+Content-Type: application/vnd\.kubernetes\.protobuf\n"), result.Error);
        return result.Output;
    }
}
