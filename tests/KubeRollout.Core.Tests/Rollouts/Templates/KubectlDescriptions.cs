namespace KubeRollout.Core.Tests.Rollouts.Templates;

/// <summary>
/// Pod templates as the API server stored them (defaults filled in) in a ReplicaSet, and what kubectl 1.35 printed
/// for them: <c>kubectl rollout history deploy/NAME --revision N</c> (its title line left out) and the
/// "Pod Template:" section of <c>kubectl describe deployment NAME</c> (the Deployment's template is the
/// ReplicaSet's without the pod-template-hash label).
/// </summary>
internal static class KubectlDescriptions
{
    /// <summary>Labels, annotations, an init container, ports, command, resources, probes, environment of every source, mounts, most volume types.</summary>
    public const string RichTemplate = """
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

    public const string RichChangeCause = "first";

    public const string RichHistory = ""
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

    public const string RichDescribeSection = ""
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

    /// <summary>Long and multi-line annotations, seccomp, resource fields, a gRPC probe, CSI, ephemeral and NFS volumes, spread constraints, a toleration with seconds.</summary>
    public const string StorageTemplate = """
{
  "metadata": {
    "annotations": {
      "long": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "multi": "line one\nline two\n"
    },
    "labels": {
      "app": "storage",
      "pod-template-hash": "696c5bcc95"
    }
  },
  "spec": {
    "containers": [
      {
        "env": [
          {
            "name": "CPU",
            "valueFrom": {
              "resourceFieldRef": {
                "resource": "limits.cpu"
              }
            }
          },
          {
            "name": "REQ",
            "valueFrom": {
              "resourceFieldRef": {
                "divisor": "1Mi",
                "resource": "requests.memory"
              }
            }
          },
          {
            "name": "TEXT",
            "value": "first\nsecond"
          }
        ],
        "image": "busybox:1.36",
        "imagePullPolicy": "IfNotPresent",
        "name": "app",
        "readinessProbe": {
          "failureThreshold": 3,
          "grpc": {
            "port": 9000,
            "service": "health"
          },
          "periodSeconds": 10,
          "successThreshold": 1,
          "timeoutSeconds": 1
        },
        "resources": {
          "requests": {
            "cpu": "250m",
            "memory": "64Mi"
          }
        },
        "securityContext": {
          "seccompProfile": {
            "type": "RuntimeDefault"
          }
        },
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File",
        "volumeMounts": [
          {
            "mountPath": "/b",
            "name": "csi"
          },
          {
            "mountPath": "/a",
            "name": "eph",
            "readOnly": true
          }
        ]
      }
    ],
    "dnsPolicy": "ClusterFirst",
    "restartPolicy": "Always",
    "schedulerName": "default-scheduler",
    "securityContext": {},
    "terminationGracePeriodSeconds": 30,
    "tolerations": [
      {
        "effect": "NoExecute",
        "key": "node.kubernetes.io/unreachable",
        "operator": "Exists",
        "tolerationSeconds": 300
      }
    ],
    "topologySpreadConstraints": [
      {
        "labelSelector": {
          "matchExpressions": [
            {
              "key": "tier",
              "operator": "In",
              "values": [
                "b",
                "a"
              ]
            }
          ],
          "matchLabels": {
            "app": "storage"
          }
        },
        "maxSkew": 1,
        "topologyKey": "zone",
        "whenUnsatisfiable": "DoNotSchedule"
      },
      {
        "maxSkew": 2,
        "topologyKey": "host",
        "whenUnsatisfiable": "ScheduleAnyway"
      }
    ],
    "volumes": [
      {
        "csi": {
          "driver": "secrets-store.csi.k8s.io",
          "readOnly": true,
          "volumeAttributes": {
            "b": "2",
            "secretProviderClass": "vault"
          }
        },
        "name": "csi"
      },
      {
        "ephemeral": {
          "volumeClaimTemplate": {
            "metadata": {
              "labels": {
                "type": "scratch"
              }
            },
            "spec": {
              "accessModes": [
                "ReadWriteOnce"
              ],
              "resources": {
                "requests": {
                  "storage": "1Gi"
                }
              },
              "storageClassName": "fast"
            }
          }
        },
        "name": "eph"
      },
      {
        "name": "nfs",
        "nfs": {
          "path": "/exports",
          "server": "nfs.example.com"
        }
      },
      {
        "csi": {
          "driver": "d.example.com"
        },
        "name": "csi2"
      }
    ]
  }
}
""";

    public const string StorageHistory = ""
        + "Pod Template:\n"
        + "  Labels:\tapp=storage\n"
        + "\tpod-template-hash=696c5bcc95\n"
        + "  Annotations:\tlong:\n"
        + "\t  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\n"
        + "\tmulti:\n"
        + "\t  line one\n"
        + "\t  line two\n"
        + "  Containers:\n"
        + "   app:\n"
        + "    Image:\tbusybox:1.36\n"
        + "    Port:\t<none>\n"
        + "    Host Port:\t<none>\n"
        + "    SeccompProfile:\tRuntimeDefault\n"
        + "    Requests:\n"
        + "      cpu:\t250m\n"
        + "      memory:\t64Mi\n"
        + "    Readiness:\tgrpc <pod>:9000 health delay=0s timeout=1s period=10s #success=1 #failure=3\n"
        + "    Environment:\n"
        + "      CPU:\tnode allocatable (limits.cpu)\n"
        + "      REQ:\t64 (requests.memory)\n"
        + "      TEXT:\tfirst\n"
        + "      \tsecond\n"
        + "    Mounts:\n"
        + "      /a from eph (ro)\n"
        + "      /b from csi (rw)\n"
        + "  Volumes:\n"
        + "   csi:\n"
        + "    Type:\tCSI (a Container Storage Interface (CSI) volume source)\n"
        + "    Driver:\tsecrets-store.csi.k8s.io\n"
        + "    FSType:\t\n"
        + "    ReadOnly:\ttrue\n"
        + "    VolumeAttributes:\t    b=2\n"
        + "        \t    secretProviderClass=vault\n"
        + "   eph:\n"
        + "    Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n"
        + "    StorageClass:\tfast\n"
        + "    Volume:\t\n"
        + "    Labels:\t    type=scratch\n"
        + "    Annotations:\t    <none>\n"
        + "    Capacity:\t\n"
        + "    Access Modes:\t\n"
        + "   nfs:\n"
        + "    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n"
        + "    Server:\tnfs.example.com\n"
        + "    Path:\t/exports\n"
        + "    ReadOnly:\tfalse\n"
        + "   csi2:\n"
        + "    Type:\tCSI (a Container Storage Interface (CSI) volume source)\n"
        + "    Driver:\td.example.com\n"
        + "    FSType:\t\n"
        + "    ReadOnly:\tfalse\n"
        + "    VolumeAttributes:\t<none>\n"
        + "  Topology Spread Constraints:\thost:ScheduleAnyway when max skew 2 is exceeded\n"
        + "  \tzone:DoNotSchedule when max skew 1 is exceeded for selector app=storage,tier in (a,b)\n"
        + "  Node-Selectors:\t<none>\n"
        + "  Tolerations:\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n";
}
