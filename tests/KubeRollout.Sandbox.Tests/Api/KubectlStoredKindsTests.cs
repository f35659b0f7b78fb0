using static KubeRollout.Sandbox.Tests.Api.KubectlOutput;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// The kinds an application's manifests carry beside its workloads (Ingress, IngressClass, NetworkPolicy,
/// PodDisruptionBudget, HorizontalPodAutoscaler, RBAC, ReplicationController and PersistentVolume), stored by the sandbox and shown by the real kubectl 1.35
/// as a cluster shows them; their defaults and the validation manifests most often fail.
/// </summary>
public sealed class KubectlStoredKindsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Manifests = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: shop }
        spec:
          tls: [ { hosts: [ shop.example.com ], secretName: shop-tls } ]
          rules:
          - host: shop.example.com
            http: { paths: [ { path: /, pathType: Prefix, backend: { service: { name: shop, port: { number: 80 } } } } ] }
          - host: api.example.com
            http: { paths: [ { path: /v1, pathType: Exact, backend: { service: { name: api, port: { name: http } } } } ] }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: shop }
        spec: { podSelector: { matchLabels: { app: shop } }, egress: [ { ports: [ { port: 5432 } ] } ] }
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: { name: shop }
        spec: { maxUnavailable: 25%, selector: { matchLabels: { app: shop } } }
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: { name: shop }
        spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: shop }, maxReplicas: 10 }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: reader }
        rules: [ { apiGroups: [""], resources: [pods], verbs: [get, list] } ]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: readers }
        subjects: [ { kind: User, name: jane }, { kind: Group, name: ops }, { kind: ServiceAccount, name: shop, namespace: NS } ]
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
        """;

    private Kubectl Kubectl => new(sandbox.Server.KubeconfigPath, sandbox.Directory);

    [Fact]
    public async Task Kubectl_applies_them_again_unchanged_and_gets_them_with_the_api_servers_columns()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var file = await WriteAsync(Manifests.Replace("namespace: NS", $"namespace: {ns}", StringComparison.Ordinal));

        var created = await Kubectl.RunAsync("apply", "-n", ns, "-f", file);
        var again = await Kubectl.RunAsync("apply", "-n", ns, "-f", file);
        var ingress = await Kubectl.RunAsync("get", "ing", "shop", "-n", ns);
        var policy = await Kubectl.RunAsync("get", "netpol", "shop", "-n", ns, "-o", "jsonpath={.spec.policyTypes} {.spec.egress[0].ports[0].protocol} {.metadata.generation}");
        var budget = await Kubectl.RunAsync("get", "pdb", "shop", "-n", ns);
        var autoscaler = await Kubectl.RunAsync("get", "hpa", "shop", "-n", ns);
        var binding = await Kubectl.RunAsync("get", "rolebinding", "readers", "-n", ns, "-o", "wide");
        var role = await Kubectl.RunAsync("get", "role", "reader", "-n", ns);

        Assert.True(created.ExitCode == 0, created.Error);
        // A NetworkPolicy's rules are an atomic list and the server defaults their ports' protocol: kubectl's patch
        // replaces the list on every apply, so it says "configured", as against any cluster.
        Assert.Equal(
            ["ingress.networking.k8s.io/shop unchanged", "networkpolicy.networking.k8s.io/shop configured", "poddisruptionbudget.policy/shop unchanged",
             "horizontalpodautoscaler.autoscaling/shop unchanged", "role.rbac.authorization.k8s.io/reader unchanged", "rolebinding.rbac.authorization.k8s.io/readers unchanged"],
            Lines(again.Output));
        Assert.Equal("NAME CLASS HOSTS ADDRESS PORTS AGE", Columns(Lines(ingress.Output)[0]));
        Assert.Matches(@"^shop +<none> +shop\.example\.com,api\.example\.com +80, 443 +\d+s$", Lines(ingress.Output)[1]);
        Assert.Equal("[\"Ingress\",\"Egress\"] TCP 1", policy.Output);
        Assert.Equal("NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE", Columns(Lines(budget.Output)[0]));
        Assert.Matches(@"^shop +N/A +25% +0 +\d+s$", Lines(budget.Output)[1]);
        Assert.Equal("NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE", Columns(Lines(autoscaler.Output)[0]));
        Assert.Matches(@"^shop +Deployment/shop +cpu: <unknown>/80% +1 +10 +0 +\d+s$", Lines(autoscaler.Output)[1]);
        Assert.Equal("NAME ROLE AGE USERS GROUPS SERVICEACCOUNTS", Columns(Lines(binding.Output)[0]));
        Assert.Matches($@"^readers +Role/reader +\d+s +jane +ops +{ns}/shop$", Lines(binding.Output)[1]);
        Assert.Matches(@"^reader +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Lines(role.Output)[1]);
    }

    [Fact]
    public async Task Cluster_scoped_ones_are_served_without_a_namespace()
    {
        var name = "c-" + Guid.NewGuid().ToString("N")[..8];
        var file = await WriteAsync($$"""
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: { name: {{name}} }
            spec: { controller: example.com/ingress, parameters: { apiGroup: example.com, kind: Settings, name: default } }
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: { name: {{name}} }
            subjects: [ { kind: ServiceAccount, name: robot, namespace: default } ]
            roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
            """);

        var applied = await Kubectl.RunAsync("apply", "-f", file);
        var ingressClass = await Kubectl.RunAsync("get", "ingressclass", name);
        var binding = await Kubectl.RunAsync("get", "clusterrolebinding", name);

        Assert.True(applied.ExitCode == 0, applied.Error);
        Assert.Matches($@"^{name} +example\.com/ingress +Settings\.example\.com/default +\d+s$", Lines(ingressClass.Output)[1]);
        Assert.Matches($@"^{name} +ClusterRole/view +\d+s$", Lines(binding.Output)[1]);
    }

    [Fact]
    public async Task A_replication_controller_and_a_persistent_volume_get_their_defaults_and_the_api_servers_columns()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var volume = "pv-" + ns;
        var file = await WriteAsync($$"""
            apiVersion: v1
            kind: ReplicationController
            metadata: { name: web }
            spec:
              template:
                metadata: { labels: { app: web, tier: front } }
                spec: { containers: [ { name: web, image: "nginx:1.27" } ] }
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata: { name: {{volume}} }
            spec:
              capacity: { storage: 5Gi }
              accessModes: [ ReadWriteOnce, ReadOnlyMany ]
              storageClassName: slow
              claimRef: { namespace: {{ns}}, name: data }
              nfs: { server: nfs.example.com, path: /exports }
            """);

        var applied = await Kubectl.RunAsync("apply", "-n", ns, "-f", file);
        var controller = await Kubectl.RunAsync("get", "rc", "web", "-n", ns, "-o", "wide");
        var defaults = await Kubectl.RunAsync("get", "rc", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.spec.selector} {.metadata.labels} {.metadata.generation}");
        var scaled = await Kubectl.RunAsync("scale", "rc", "web", "-n", ns, "--replicas=3");
        var generation = await Kubectl.RunAsync("get", "rc", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.metadata.generation}");
        var pv = await Kubectl.RunAsync("get", "pv", volume, "-o", "wide");
        var all = await Kubectl.RunAsync("get", "all", "-n", ns, "-o", "name");

        Assert.True(applied.ExitCode == 0, applied.Error);
        Assert.Equal("NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR", Columns(Lines(controller.Output)[0]));
        Assert.Matches(@"^web +1 +0 +0 +\d+s +web +nginx:1\.27 +app=web,tier=front$", Lines(controller.Output)[1]);
        Assert.Equal("1 {\"app\":\"web\",\"tier\":\"front\"} {\"app\":\"web\",\"tier\":\"front\"} 1", defaults.Output);
        Assert.True(scaled.ExitCode == 0, scaled.Error);
        Assert.Equal("3 2", generation.Output);
        Assert.Equal("NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE VOLUMEMODE", Columns(Lines(pv.Output)[0]));
        Assert.Matches($@"^{volume} +5Gi +RWO,ROX +Retain +Pending +{ns}/data +slow +<unset> +\d+s +Filesystem$", Lines(pv.Output)[1]);
        Assert.Contains("replicationcontroller/web", Lines(all.Output));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ReplicationController\nmetadata: { name: bad }\nspec: { selector: { app: x }, template: { metadata: { labels: { app: other } }, spec: { containers: [ { name: c, image: i } ] } } }",
        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`")]
    [InlineData("apiVersion: v1\nkind: ReplicationController\nmetadata: { name: bad }\nspec: { template: { spec: { containers: [ { name: c, image: i } ] } } }",
        "spec.selector: Required value")]
    [InlineData("apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: bad-NAME }\nspec: { accessModes: [ ReadWriteOnce ], hostPath: { path: /d } }",
        "spec.capacity: Required value")]
    [InlineData("apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: bad-NAME }\nspec: { capacity: { storage: 1Gi }, hostPath: { path: /d } }",
        "spec.accessModes: Required value")]
    [InlineData("apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: bad-NAME }\nspec: { capacity: { storage: 1Gi }, accessModes: [ ReadWriteOnce ] }",
        "spec: Required value: must specify a volume type")]
    [InlineData("apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: bad-NAME }\nspec: { capacity: { storage: 1Gi }, accessModes: [ ReadWriteOnce ], hostPath: { path: /d }, nfs: { server: s, path: /e } }",
        "spec.nfs: Forbidden: may not specify more than 1 volume type")]
    [InlineData("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: bad }\nspec: { rules: [ { http: { paths: [ { path: /, backend: { service: { name: s, port: { number: 80 } } } } ] } } ] }",
        "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified")]
    [InlineData("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: bad }\nspec: { minAvailable: 1, maxUnavailable: 1 }",
        "minAvailable and maxUnavailable cannot be both set")]
    [InlineData("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: bad }\nspec: { scaleTargetRef: { kind: Deployment, name: d }, minReplicas: 5, maxReplicas: 2 }",
        "spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`")]
    [InlineData("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: bad }\nrules: [ { apiGroups: [\"\"], resources: [pods] } ]",
        "rules[0].verbs: Required value: verbs must contain at least one value")]
    public async Task A_manifest_they_refuse_is_refused_with_the_api_servers_words(string manifest, string expected)
    {
        var ns = await sandbox.CreateNamespaceAsync();

        var refused = await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync(manifest.Replace("NAME", ns, StringComparison.Ordinal)));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(expected, refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bindings_role_cannot_change()
    {
        var ns = await sandbox.CreateNamespaceAsync();
        var binding = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: b }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: ROLE }";
        Assert.Equal(0, (await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync(binding.Replace("ROLE", "first", StringComparison.Ordinal)))).ExitCode);

        var changed = await Kubectl.RunAsync("apply", "-n", ns, "-f", await WriteAsync(binding.Replace("ROLE", "second", StringComparison.Ordinal)));

        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("cannot change roleRef", changed.Error, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string yaml)
    {
        var path = Path.Combine(sandbox.Directory, $"stored-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }
}
