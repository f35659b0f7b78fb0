using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Admission.Defaulting;

/// <summary>
/// Fills in what the API server defaults on every create and update, so that stored objects (and
/// <c>kubectl get -o yaml</c>) look as on a real cluster and templates compare equal after a round trip.
/// </summary>
public sealed class DefaultingStep : IAdmissionStep
{
    private readonly ServiceDefaults _services = new(new ServiceAddressAllocator());

    public void Admit(ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, IKubernetesObject<V1ObjectMeta>? old, AdmissionOperation operation, string fieldManager)
    {
        switch (obj)
        {
            case V1Deployment deployment:
                DeploymentDefaults.Apply(deployment);
                break;
            case V1ReplicaSet replicaSet:
                ReplicaSetDefaults.Apply(replicaSet);
                break;
            case V1StatefulSet statefulSet:
                StatefulSetDefaults.Apply(statefulSet);
                break;
            case V1DaemonSet daemonSet:
                DaemonSetDefaults.Apply(daemonSet);
                break;
            case V1Pod pod:
                PodDefaults.Apply(pod, operation == AdmissionOperation.Create);
                break;
            case V1Service service:
                var causes = _services.Apply(service, old as V1Service);
                if (causes.Count > 0)
                {
                    throw FieldErrors.Invalid(resource, service.Metadata.Name, causes);
                }

                break;
            case V1Secret secret:
                SecretDefaults.Apply(secret);
                break;
            case V1Namespace ns:
                NamespaceDefaults.Apply(ns);
                break;
            case V1PersistentVolumeClaim claim:
                PersistentVolumeClaimDefaults.Apply(claim);
                break;
            case V1Endpoints endpoints:
                EndpointsDefaults.Apply(endpoints);
                break;
            case V1EndpointSlice slice:
                EndpointsDefaults.Apply(slice);
                break;
        }
    }
}
