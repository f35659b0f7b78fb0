using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Admission.Validation;

/// <summary>
/// Refuses what the real API refuses, after defaulting: 422 Invalid with one cause per problem and the API's
/// message (<c>Deployment.apps "vweb" is invalid: spec.template.metadata.labels: Invalid value: …</c>).
/// </summary>
public sealed class ValidationStep : IAdmissionStep
{
    public void Admit(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, AdmissionOperation operation, string fieldManager)
    {
        var errors = new FieldErrors();
        switch (obj)
        {
            case V1Deployment deployment:
                DeploymentValidation.Validate(deployment, old as V1Deployment, errors);
                break;
            case V1ReplicaSet replicaSet:
                ReplicaSetValidation.Validate(replicaSet, old as V1ReplicaSet, errors);
                break;
            case V1StatefulSet statefulSet:
                StatefulSetValidation.Validate(statefulSet, old as V1StatefulSet, errors);
                break;
            case V1DaemonSet daemonSet:
                DaemonSetValidation.Validate(daemonSet, old as V1DaemonSet, errors);
                break;
            case V1Service service:
                ServiceValidation.Validate(service, old as V1Service, errors);
                break;
            case V1ConfigMap configMap:
                ConfigDataRules.ValidateConfigMap(configMap, old as V1ConfigMap, errors);
                break;
            case V1Secret secret:
                ConfigDataRules.ValidateSecret(secret, old as V1Secret, errors);
                break;
            case V1Namespace ns:
                CoreObjectValidation.ValidateNamespace(ns, errors);
                break;
            case V1Pod pod:
                CoreObjectValidation.ValidatePod(pod, old as V1Pod, errors);
                break;
            case V1PersistentVolumeClaim claim:
                CoreObjectValidation.ValidateClaim(claim, errors);
                break;
            case V1Endpoints endpoints:
                EndpointsValidation.Validate(endpoints, errors);
                break;
            case V1EndpointSlice slice:
                EndpointsValidation.Validate(slice, old as V1EndpointSlice, errors);
                break;
        }

        errors.ThrowIfAny(resource, obj.Metadata?.Name);
    }
}
