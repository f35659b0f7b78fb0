using k8s;
using k8s.Models;
using KubeRollout.Core.Rollouts;
using KubeRollout.Core.Rollouts.Templates;
using KubeRollout.Core.Workloads;

namespace KubeRollout.Core.Tests.Rollouts.Templates;

public class PodTemplateDescriptionTests
{
    // A ReplicaSet's template as the API server stored it (defaults filled in), and what kubectl 1.35 printed for
    // it with `kubectl rollout history deploy/rich --revision 1` (its first line, the title, left out).
    private const string StoredTemplate = """
{
  "metadata": {
    "annotations": {
      "note": "hello",
      "prometheus.io/scrape": "true"
    },
    "labels": {
      "app": "rich",
      "pod-template-hash": "59d8f4f5c8",
      "tier": "web"
    }
  },
  "spec": {
    "containers": [
      {
        "args": [
          "-c",
          "nginx -g 'daemon off;'"
        ],
        "command": [
          "/bin/sh"
        ],
        "env": [
          {
            "name": "MODE",
            "value": "production"
          },
          {
            "name": "CONFIG_VERSION",
            "valueFrom": {
              "configMapKeyRef": {
                "key": "version",
                "name": "web-config"
              }
            }
          },
          {
            "name": "PASSWORD",
            "valueFrom": {
              "secretKeyRef": {
                "key": "password",
                "name": "web-secret"
              }
            }
          },
          {
            "name": "POD_IP",
            "valueFrom": {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "status.podIP"
              }
            }
          },
          {
            "name": "MEM",
            "valueFrom": {
              "resourceFieldRef": {
                "containerName": "web",
                "resource": "limits.memory"
              }
            }
          }
        ],
        "envFrom": [
          {
            "configMapRef": {
              "name": "web-env"
            }
          },
          {
            "prefix": "S_",
            "secretRef": {
              "name": "web-secret",
              "optional": true
            }
          }
        ],
        "image": "nginx:1.27-alpine",
        "imagePullPolicy": "IfNotPresent",
        "livenessProbe": {
          "failureThreshold": 3,
          "httpGet": {
            "path": "/healthz",
            "port": 80,
            "scheme": "HTTP"
          },
          "initialDelaySeconds": 5,
          "periodSeconds": 10,
          "successThreshold": 1,
          "timeoutSeconds": 1
        },
        "name": "web",
        "ports": [
          {
            "containerPort": 80,
            "name": "http",
            "protocol": "TCP"
          },
          {
            "containerPort": 9090,
            "hostPort": 9090,
            "protocol": "UDP"
          }
        ],
        "readinessProbe": {
          "failureThreshold": 3,
          "periodSeconds": 10,
          "successThreshold": 1,
          "tcpSocket": {
            "port": "http"
          },
          "timeoutSeconds": 1
        },
        "resources": {
          "limits": {
            "cpu": "500m",
            "memory": "128Mi"
          },
          "requests": {
            "cpu": "100m"
          }
        },
        "startupProbe": {
          "exec": {
            "command": [
              "cat",
              "/tmp/ok"
            ]
          },
          "failureThreshold": 3,
          "periodSeconds": 10,
          "successThreshold": 1,
          "timeoutSeconds": 1
        },
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File",
        "volumeMounts": [
          {
            "mountPath": "/etc/nginx/conf.d",
            "name": "config",
            "readOnly": true
          },
          {
            "mountPath": "/var/cache/nginx",
            "name": "cache",
            "subPath": "web"
          }
        ]
      },
      {
        "image": "busybox:1.36",
        "imagePullPolicy": "IfNotPresent",
        "name": "sidecar",
        "resources": {},
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File"
      }
    ],
    "dnsPolicy": "ClusterFirst",
    "initContainers": [
      {
        "command": [
          "sh",
          "-c",
          "echo hi"
        ],
        "image": "busybox:1.36",
        "imagePullPolicy": "IfNotPresent",
        "name": "init",
        "resources": {},
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File"
      }
    ],
    "nodeSelector": {
      "disk": "ssd"
    },
    "priorityClassName": "high",
    "restartPolicy": "Always",
    "schedulerName": "default-scheduler",
    "securityContext": {},
    "serviceAccountName": "runner",
    "terminationGracePeriodSeconds": 30,
    "tolerations": [
      {
        "effect": "NoSchedule",
        "key": "dedicated",
        "operator": "Equal",
        "value": "web"
      },
      {
        "operator": "Exists"
      }
    ],
    "volumes": [
      {
        "configMap": {
          "defaultMode": 420,
          "items": [
            {
              "key": "a",
              "path": "b"
            }
          ],
          "name": "web-config"
        },
        "name": "config"
      },
      {
        "emptyDir": {
          "medium": "Memory",
          "sizeLimit": "64Mi"
        },
        "name": "cache"
      },
      {
        "name": "secret",
        "secret": {
          "defaultMode": 420,
          "optional": true,
          "secretName": "web-secret"
        }
      },
      {
        "name": "data",
        "persistentVolumeClaim": {
          "claimName": "data-claim",
          "readOnly": true
        }
      },
      {
        "hostPath": {
          "path": "/var/log",
          "type": "Directory"
        },
        "name": "host"
      },
      {
        "emptyDir": {},
        "name": "empty"
      },
      {
        "name": "proj",
        "projected": {
          "defaultMode": 420,
          "sources": [
            {
              "configMap": {
                "name": "web-config"
              }
            },
            {
              "secret": {
                "name": "web-secret"
              }
            },
            {
              "downwardAPI": {
                "items": [
                  {
                    "fieldRef": {
                      "fieldPath": "metadata.labels"
                    },
                    "path": "labels"
                  }
                ]
              }
            },
            {
              "serviceAccountToken": {
                "audience": "api",
                "expirationSeconds": 3600,
                "path": "token"
              }
            }
          ]
        }
      },
      {
        "downwardAPI": {
          "defaultMode": 420,
          "items": [
            {
              "fieldRef": {
                "apiVersion": "v1",
                "fieldPath": "metadata.labels"
              },
              "path": "labels"
            }
          ]
        },
        "name": "dapi"
      }
    ]
  }
}
""";

    private const string KubectlDescription = ""
        + "Pod Template:\n"
        + "  Labels:\tapp=rich\n"
        + "\tpod-template-hash=59d8f4f5c8\n"
        + "\ttier=web\n"
        + "  Annotations:\tkubernetes.io/change-cause: first\n"
        + "\tnote: hello\n"
        + "\tprometheus.io/scrape: true\n"
        + "  Service Account:\trunner\n"
        + "  Init Containers:\n"
        + "   init:\n"
        + "    Image:\tbusybox:1.36\n"
        + "    Port:\t<none>\n"
        + "    Host Port:\t<none>\n"
        + "    Command:\n"
        + "      sh\n"
        + "      -c\n"
        + "      echo hi\n"
        + "    Environment:\t<none>\n"
        + "    Mounts:\t<none>\n"
        + "  Containers:\n"
        + "   web:\n"
        + "    Image:\tnginx:1.27-alpine\n"
        + "    Ports:\t80/TCP (http), 9090/UDP\n"
        + "    Host Ports:\t0/TCP (http), 9090/UDP\n"
        + "    Command:\n"
        + "      /bin/sh\n"
        + "    Args:\n"
        + "      -c\n"
        + "      nginx -g 'daemon off;'\n"
        + "    Limits:\n"
        + "      cpu:\t500m\n"
        + "      memory:\t128Mi\n"
        + "    Requests:\n"
        + "      cpu:\t100m\n"
        + "    Liveness:\thttp-get http://:80/healthz delay=5s timeout=1s period=10s #success=1 #failure=3\n"
        + "    Readiness:\ttcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=3\n"
        + "    Startup:\texec [cat /tmp/ok] delay=0s timeout=1s period=10s #success=1 #failure=3\n"
        + "    Environment Variables from:\n"
        + "      web-env\tConfigMap\tOptional: false\n"
        + "      web-secret\tSecret with prefix 'S_'\tOptional: true\n"
        + "    Environment:\n"
        + "      MODE:\tproduction\n"
        + "      CONFIG_VERSION:\t<set to the key 'version' of config map 'web-config'>\tOptional: false\n"
        + "      PASSWORD:\t<set to the key 'password' in secret 'web-secret'>\tOptional: false\n"
        + "      POD_IP:\t (v1:status.podIP)\n"
        + "      MEM:\t134217728 (limits.memory)\n"
        + "    Mounts:\n"
        + "      /etc/nginx/conf.d from config (ro)\n"
        + "      /var/cache/nginx from cache (rw,path=\"web\")\n"
        + "   sidecar:\n"
        + "    Image:\tbusybox:1.36\n"
        + "    Port:\t<none>\n"
        + "    Host Port:\t<none>\n"
        + "    Environment:\t<none>\n"
        + "    Mounts:\t<none>\n"
        + "  Volumes:\n"
        + "   config:\n"
        + "    Type:\tConfigMap (a volume populated by a ConfigMap)\n"
        + "    Name:\tweb-config\n"
        + "    Optional:\tfalse\n"
        + "   cache:\n"
        + "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n"
        + "    Medium:\tMemory\n"
        + "    SizeLimit:\t64Mi\n"
        + "   secret:\n"
        + "    Type:\tSecret (a volume populated by a Secret)\n"
        + "    SecretName:\tweb-secret\n"
        + "    Optional:\ttrue\n"
        + "   data:\n"
        + "    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
        + "    ClaimName:\tdata-claim\n"
        + "    ReadOnly:\ttrue\n"
        + "   host:\n"
        + "    Type:\tHostPath (bare host directory volume)\n"
        + "    Path:\t/var/log\n"
        + "    HostPathType:\tDirectory\n"
        + "   empty:\n"
        + "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n"
        + "    Medium:\t\n"
        + "    SizeLimit:\t<unset>\n"
        + "   proj:\n"
        + "    Type:\tProjected (a volume that contains injected data from multiple sources)\n"
        + "    ConfigMapName:\tweb-config\n"
        + "    Optional:\tfalse\n"
        + "    SecretName:\tweb-secret\n"
        + "    Optional:\tfalse\n"
        + "    DownwardAPI:\ttrue\n"
        + "    TokenExpirationSeconds:\t3600\n"
        + "   dapi:\n"
        + "    Type:\tDownwardAPI (a volume populated by information about the pod)\n"
        + "    Items:\n"
        + "      metadata.labels -> labels\n"
        + "  Priority Class Name:\thigh\n"
        + "  Node-Selectors:\tdisk=ssd\n"
        + "  Tolerations:\top=Exists\n"
        + "\tdedicated=web:NoSchedule\n";

    [Fact]
    public void Describes_a_revision_as_kubectl_rollout_history_does()
    {
        var revision = Revision(KubernetesJson.Deserialize<V1PodTemplateSpec>(StoredTemplate), "first");

        Assert.Equal(KubectlDescription, PodTemplateDescription.Describe(PodTemplateDescription.ForRevision(revision)));
    }

    [Fact]
    public void Shows_a_change_cause_only_for_Deployment_revisions_as_kubectl_does()
    {
        var template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "db" } }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "db", Image = "postgres:16" }] } };

        var deployment = PodTemplateDescription.ForRevision(Revision(template, "v2", WorkloadKind.Deployment));
        var statefulSet = PodTemplateDescription.ForRevision(Revision(template, "v2", WorkloadKind.StatefulSet));

        Assert.Equal("v2", deployment.Metadata.Annotations["kubernetes.io/change-cause"]);
        Assert.Null(template.Metadata.Annotations);
        Assert.Same(template, statefulSet);
    }

    [Fact]
    public void Says_none_for_what_a_minimal_template_leaves_out()
    {
        var template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx" }] } };

        var text = PodTemplateDescription.Describe(template);

        Assert.Equal(
            "Pod Template:\n  Labels:\t<none>\n  Containers:\n   web:\n    Image:\tnginx\n    Port:\t<none>\n    Host Port:\t<none>\n"
            + "    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n",
            text);
    }

    [Fact]
    public void Aligns_the_description_for_a_view_without_its_heading()
    {
        var template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }] },
        };

        var lines = PodTemplateDescription.DescribeAligned(template).Split('\n');

        // Consecutive lines with tabs form one column, as in kubectl describe: the labels' block ends at
        // "Containers:", the next one runs from Image to Tolerations and is as wide as "  Node-Selectors:" plus 2.
        Assert.Equal("Labels:  app=web", lines[0]);
        Assert.Equal("         tier=front", lines[1]);
        Assert.Equal("Containers:", lines[2]);
        Assert.Equal(" web:", lines[3]);
        Assert.Equal("  Image:         nginx:1.27", lines[4]);
        Assert.Equal("Tolerations:     <none>", lines[^1]);
    }

    [Fact]
    public void Escapes_terminal_control_characters_of_fields()
    {
        var template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx\u001b[31m\r" }] } };

        Assert.Contains("Image:\tnginx^[[31m\\r\n", PodTemplateDescription.Describe(template), StringComparison.Ordinal);
    }

    private static RolloutRevision Revision(V1PodTemplateSpec template, string? cause, WorkloadKind kind = WorkloadKind.Deployment) => new()
    {
        Kind = kind,
        Namespace = "default",
        Name = "rich",
        Revision = 1,
        ChangeCause = cause,
        Images = [],
        Source = "rich-59d8f4f5c8",
        PodTemplate = template,
    };
}
