using k8s;
using k8s.Models;
using KubeRollout.Core.Formatting;
using KubeRollout.Core.Rollouts.Templates;

namespace KubeRollout.Core.Tests.Formatting;

public class TabAlignmentTests
{
    // A Deployment's template as stored, and the "Pod Template:" section of `kubectl describe deployment rich`
    // (kubectl 1.35), which kubectl aligns with Go's text/tabwriter.
    private const string StoredTemplate = """
{
  "metadata": {
    "annotations": {
      "note": "hello",
      "prometheus.io/scrape": "true"
    },
    "labels": {
      "app": "rich",
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

    private const string KubectlDescribeSection = ""
        + "Pod Template:\n"
        + "  Labels:           app=rich\n"
        + "                    tier=web\n"
        + "  Annotations:      note: hello\n"
        + "                    prometheus.io/scrape: true\n"
        + "  Service Account:  runner\n"
        + "  Init Containers:\n"
        + "   init:\n"
        + "    Image:      busybox:1.36\n"
        + "    Port:       <none>\n"
        + "    Host Port:  <none>\n"
        + "    Command:\n"
        + "      sh\n"
        + "      -c\n"
        + "      echo hi\n"
        + "    Environment:  <none>\n"
        + "    Mounts:       <none>\n"
        + "  Containers:\n"
        + "   web:\n"
        + "    Image:       nginx:1.27-alpine\n"
        + "    Ports:       80/TCP (http), 9090/UDP\n"
        + "    Host Ports:  0/TCP (http), 9090/UDP\n"
        + "    Command:\n"
        + "      /bin/sh\n"
        + "    Args:\n"
        + "      -c\n"
        + "      nginx -g 'daemon off;'\n"
        + "    Limits:\n"
        + "      cpu:     500m\n"
        + "      memory:  128Mi\n"
        + "    Requests:\n"
        + "      cpu:      100m\n"
        + "    Liveness:   http-get http://:80/healthz delay=5s timeout=1s period=10s #success=1 #failure=3\n"
        + "    Readiness:  tcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=3\n"
        + "    Startup:    exec [cat /tmp/ok] delay=0s timeout=1s period=10s #success=1 #failure=3\n"
        + "    Environment Variables from:\n"
        + "      web-env     ConfigMap                Optional: false\n"
        + "      web-secret  Secret with prefix 'S_'  Optional: true\n"
        + "    Environment:\n"
        + "      MODE:            production\n"
        + "      CONFIG_VERSION:  <set to the key 'version' of config map 'web-config'>  Optional: false\n"
        + "      PASSWORD:        <set to the key 'password' in secret 'web-secret'>     Optional: false\n"
        + "      POD_IP:           (v1:status.podIP)\n"
        + "      MEM:             134217728 (limits.memory)\n"
        + "    Mounts:\n"
        + "      /etc/nginx/conf.d from config (ro)\n"
        + "      /var/cache/nginx from cache (rw,path=\"web\")\n"
        + "   sidecar:\n"
        + "    Image:        busybox:1.36\n"
        + "    Port:         <none>\n"
        + "    Host Port:    <none>\n"
        + "    Environment:  <none>\n"
        + "    Mounts:       <none>\n"
        + "  Volumes:\n"
        + "   config:\n"
        + "    Type:      ConfigMap (a volume populated by a ConfigMap)\n"
        + "    Name:      web-config\n"
        + "    Optional:  false\n"
        + "   cache:\n"
        + "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)\n"
        + "    Medium:     Memory\n"
        + "    SizeLimit:  64Mi\n"
        + "   secret:\n"
        + "    Type:        Secret (a volume populated by a Secret)\n"
        + "    SecretName:  web-secret\n"
        + "    Optional:    true\n"
        + "   data:\n"
        + "    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
        + "    ClaimName:  data-claim\n"
        + "    ReadOnly:   true\n"
        + "   host:\n"
        + "    Type:          HostPath (bare host directory volume)\n"
        + "    Path:          /var/log\n"
        + "    HostPathType:  Directory\n"
        + "   empty:\n"
        + "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)\n"
        + "    Medium:     \n"
        + "    SizeLimit:  <unset>\n"
        + "   proj:\n"
        + "    Type:                    Projected (a volume that contains injected data from multiple sources)\n"
        + "    ConfigMapName:           web-config\n"
        + "    Optional:                false\n"
        + "    SecretName:              web-secret\n"
        + "    Optional:                false\n"
        + "    DownwardAPI:             true\n"
        + "    TokenExpirationSeconds:  3600\n"
        + "   dapi:\n"
        + "    Type:  DownwardAPI (a volume populated by information about the pod)\n"
        + "    Items:\n"
        + "      metadata.labels -> labels\n"
        + "  Priority Class Name:  high\n"
        + "  Node-Selectors:       disk=ssd\n"
        + "  Tolerations:          op=Exists\n"
        + "                        dedicated=web:NoSchedule\n";

    [Fact]
    public void Aligns_a_pod_template_as_kubectl_describe_does()
    {
        var template = KubernetesJson.Deserialize<V1PodTemplateSpec>(StoredTemplate);

        Assert.Equal(KubectlDescribeSection, TabAlignment.Align(PodTemplateDescription.Describe(template)));
    }

    [Theory]
    [InlineData("a\tb\nccc\td\n", "a    b\nccc  d\n")]
    [InlineData("a\tb\n\nccc\td", "a  b\n\nccc  d")]
    [InlineData("x:\t1\n  y:\t2\tz\n", "x:    1\n  y:  2  z\n")]
    public void Aligns_columns_of_consecutive_lines_only(string text, string aligned)
    {
        Assert.Equal(aligned, TabAlignment.Align(text));
    }
}
