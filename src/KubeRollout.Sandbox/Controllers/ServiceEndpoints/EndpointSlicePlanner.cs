using k8s.Models;
using KubeRollout.Sandbox.Controllers.Shared;
using KubeRollout.Sandbox.Machinery.Objects;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Controllers.ServiceEndpoints;

/// <summary>
/// The EndpointSlice reconciler (k8s.io/endpointslice): from the pods a Service selects and its existing slices,
/// the slices to create, update and delete. Per address type of the Service and per set of ports (a named
/// targetPort can resolve differently per pod), endpoints are kept where they are, changed ones updated in place,
/// gone ones removed; new ones fill the slices being updated first (fullest first), then the unchanged slice they
/// fit best, then new slices of at most <see cref="MaxEndpointsPerSlice"/>. A Service without endpoints keeps one
/// empty placeholder slice. Slices not owned by the Service, or of an address type it no longer has, go; a slice
/// about to be deleted is reused for one about to be created.
/// </summary>
public static class EndpointSlicePlanner
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string ControllerName = "endpointslice-controller.k8s.io";
    public const string ZoneLabel = "topology.kubernetes.io/zone";
    public const int MaxEndpointsPerSlice = 100;

    public static EndpointSlicePlan Plan(
        V1Service service, IEnumerable<V1Pod> pods, Func<string, V1Node?> nodeNamed, IReadOnlyList<V1EndpointSlice> existing, int maxEndpointsPerSlice = MaxEndpointsPerSlice)
    {
        var addressTypes = AddressTypesOf(service);
        var create = new List<V1EndpointSlice>();
        var update = new List<V1EndpointSlice>();
        var delete = existing.Where(s => !addressTypes.Contains(s.AddressType)).ToList();
        var podList = pods.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        var skipped = false;
        foreach (var addressType in addressTypes)
        {
            var ofType = existing.Where(s => s.AddressType == addressType).OrderBy(s => s.Metadata.Name, StringComparer.Ordinal).ToList();
            var result = PlanAddressType(service, podList, nodeNamed, ofType, addressType, maxEndpointsPerSlice);
            create.AddRange(result.Create);
            update.AddRange(result.Update);
            delete.AddRange(result.Delete);
            skipped |= result.SkippedPods;
        }

        return new EndpointSlicePlan(create, update, delete, skipped);
    }

    /// <summary>The labels of a Service's slices: the Service's own (but the reserved ones), service-name, managed-by, headless.</summary>
    public static Dictionary<string, string> LabelsFor(V1Service service)
    {
        var labels = WithoutReserved(service.Metadata.Labels);
        if (!EndpointPods.HasClusterIp(service))
        {
            labels[EndpointsController.HeadlessLabel] = string.Empty;
        }

        labels[ServiceNameLabel] = service.Metadata.Name;
        labels[ManagedByLabel] = ControllerName;
        return labels;
    }

    private static EndpointSlicePlan PlanAddressType(
        V1Service service, List<V1Pod> pods, Func<string, V1Node?> nodeNamed, List<V1EndpointSlice> existing, string addressType, int max)
    {
        var delete = new List<V1EndpointSlice>();
        var existingByPorts = new Dictionary<string, List<V1EndpointSlice>>(StringComparer.Ordinal);
        foreach (var slice in existing)
        {
            if (IsOwnedBy(slice, service))
            {
                Group(existingByPorts, PortsKey(slice.Ports), slice);
            }
            else
            {
                delete.Add(slice);
            }
        }

        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var desired = new Dictionary<string, (IList<Discoveryv1EndpointPort> Ports, DesiredEndpoints Endpoints)>(StringComparer.Ordinal);
        var skipped = false;
        foreach (var pod in pods)
        {
            if (!EndpointPods.ShouldBeListed(pod, includeTerminating: true))
            {
                continue;
            }

            var node = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : nodeNamed(pod.Spec.NodeName);
            if (node is null && !publishNotReady)
            {
                skipped = true; // the node is unknown: left out now, retried later
                continue;
            }

            var ports = PortsFor(service, pod);
            var key = PortsKey(ports);
            if (!desired.TryGetValue(key, out var group))
            {
                group = (ports, new DesiredEndpoints());
                desired[key] = group;
            }

            if (EndpointOf(pod, node, service, addressType) is { } endpoint)
            {
                group.Endpoints.Add(endpoint);
            }
        }

        var create = new List<V1EndpointSlice>();
        var update = new List<V1EndpointSlice>();
        foreach (var (key, (ports, endpoints)) in desired)
        {
            var (c, u, d) = PlanPorts(service, existingByPorts.GetValueOrDefault(key) ?? [], endpoints, ports, addressType, max);
            create.AddRange(c);
            update.AddRange(u);
            delete.AddRange(d);
        }

        delete.AddRange(existingByPorts.Where(g => !desired.ContainsKey(g.Key)).SelectMany(g => g.Value));

        if (existing.Count == delete.Count && create.Count == 0)
        {
            var placeholder = NewSlice(service, [], addressType);
            if (delete.Count == 1 && IsSamePlaceholder(delete[0], placeholder))
            {
                delete.Clear();
            }
            else
            {
                create.Add(placeholder);
            }
        }

        ReuseDeletedForCreated(service, create, update, delete);
        return new EndpointSlicePlan(create, update, delete, skipped);
    }

    private static (List<V1EndpointSlice> Create, List<V1EndpointSlice> Update, List<V1EndpointSlice> Delete) PlanPorts(
        V1Service service, List<V1EndpointSlice> existing, DesiredEndpoints desired, IList<Discoveryv1EndpointPort> ports, string addressType, int max)
    {
        var byName = new Dictionary<string, V1EndpointSlice>(StringComparer.Ordinal);
        var unchanged = new List<string>();
        var toUpdate = new List<string>();
        var toDelete = new List<string>();
        foreach (var slice in existing)
        {
            byName[slice.Metadata.Name] = slice;
            var kept = new List<V1Endpoint>();
            var changed = false;
            foreach (var endpoint in slice.Endpoints ?? [])
            {
                if (desired.Take(endpoint) is { } wanted)
                {
                    kept.Add(wanted);
                    changed |= !SameBeyondKey(wanted, endpoint);
                }
            }

            var labels = LabelsFor(service);
            var labelsChanged = !WithoutReserved(slice.Metadata.Labels).SameAs(WithoutReserved(service.Metadata.Labels));
            if (changed || kept.Count != (slice.Endpoints?.Count ?? 0))
            {
                if (kept.Count == 0)
                {
                    toDelete.Add(slice.Metadata.Name);
                    continue;
                }

                byName[slice.Metadata.Name] = Copy(slice, kept, labels);
                toUpdate.Add(slice.Metadata.Name);
            }
            else if (labelsChanged)
            {
                byName[slice.Metadata.Name] = Copy(slice, kept, labels);
                toUpdate.Add(slice.Metadata.Name);
            }
            else
            {
                unchanged.Add(slice.Metadata.Name);
            }
        }

        foreach (var slice in toUpdate.Select(n => byName[n]).OrderByDescending(s => s.Endpoints.Count).ToList())
        {
            while (desired.Count > 0 && slice.Endpoints.Count < max)
            {
                slice.Endpoints.Add(desired.TakeFirst());
            }
        }

        var create = new List<V1EndpointSlice>();
        while (desired.Count > 0)
        {
            V1EndpointSlice? slice = null;
            if (desired.Count < max && unchanged.Count > 0)
            {
                slice = unchanged.Select(n => byName[n])
                    .Where(s => (s.Endpoints?.Count ?? 0) + desired.Count <= max)
                    .OrderByDescending(s => s.Endpoints?.Count ?? 0)
                    .FirstOrDefault();
            }

            if (slice is null)
            {
                slice = NewSlice(service, ports, addressType);
                create.Add(slice);
            }
            else
            {
                slice = Copy(slice, (slice.Endpoints ?? []).ToList(), LabelsFor(service));
                byName[slice.Metadata.Name] = slice;
                unchanged.Remove(slice.Metadata.Name);
                toUpdate.Add(slice.Metadata.Name);
            }

            while (desired.Count > 0 && slice.Endpoints.Count < max)
            {
                slice.Endpoints.Add(desired.TakeFirst());
            }
        }

        return (create, toUpdate.Select(n => byName[n]).ToList(), toDelete.Select(n => byName[n]).ToList());
    }

    /// <summary>A slice about to be deleted takes the place of one about to be created (same address type, owned by the Service).</summary>
    private static void ReuseDeletedForCreated(V1Service service, List<V1EndpointSlice> create, List<V1EndpointSlice> update, List<V1EndpointSlice> delete)
    {
        for (var i = 0; i < delete.Count && create.Count > 0;)
        {
            var created = create[^1];
            if (delete[i].AddressType == created.AddressType && IsOwnedBy(delete[i], service))
            {
                created.Metadata.Name = delete[i].Metadata.Name;
                create.RemoveAt(create.Count - 1);
                update.Add(created);
                delete.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
    }

    private static V1Endpoint? EndpointOf(V1Pod pod, V1Node? node, V1Service service, string addressType)
    {
        var address = EndpointPods.AddressOf(pod, addressType);
        if (address is null)
        {
            return null;
        }

        var serving = PodConditions.IsReady(pod);
        var terminating = pod.Metadata.DeletionTimestamp is not null;
        return new V1Endpoint
        {
            Addresses = [address],
            Conditions = new V1EndpointConditions
            {
                Ready = service.Spec?.PublishNotReadyAddresses == true || (serving && !terminating),
                Serving = serving,
                Terminating = terminating,
            },
            NodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName,
            Zone = node?.Metadata.Labels.ValueOrNull(ZoneLabel) is { Length: > 0 } zone ? zone : null,
            Hostname = EndpointPods.ShouldSetHostname(pod, service) ? pod.Spec!.Hostname : null,
            TargetRef = EndpointPods.TargetRefOf(pod),
        };
    }

    /// <summary>The Service's ports as this pod serves them; a port whose named target the pod lacks is left out.</summary>
    private static List<Discoveryv1EndpointPort> PortsFor(V1Service service, V1Pod pod)
    {
        var ports = new List<Discoveryv1EndpointPort>();
        foreach (var servicePort in service.Spec?.Ports ?? [])
        {
            if (EndpointPods.FindPort(pod, servicePort) is { } number)
            {
                ports.Add(new Discoveryv1EndpointPort { Name = servicePort.Name ?? string.Empty, Port = number, Protocol = servicePort.Protocol, AppProtocol = servicePort.AppProtocol });
            }
        }

        return ports;
    }

    private static V1EndpointSlice NewSlice(V1Service service, IList<Discoveryv1EndpointPort> ports, string addressType) => new()
    {
        ApiVersion = "discovery.k8s.io/v1",
        Kind = "EndpointSlice",
        Metadata = new V1ObjectMeta
        {
            GenerateName = service.Metadata.Name + "-",
            NamespaceProperty = service.Metadata.NamespaceProperty,
            Labels = LabelsFor(service),
            OwnerReferences = [OwnerReferences.NewControllerRef(service, "v1", "Service")],
        },
        AddressType = addressType,
        Ports = ports.Count == 0 ? null : ports.ToList(),
        Endpoints = [],
    };

    private static V1EndpointSlice Copy(V1EndpointSlice slice, List<V1Endpoint> endpoints, Dictionary<string, string> labels)
    {
        var copy = ObjectCloner.Clone(slice);
        copy.Endpoints = endpoints;
        copy.Metadata.Labels = labels;
        return copy;
    }

    private static bool IsOwnedBy(V1EndpointSlice slice, V1Service service) =>
        slice.Metadata.OwnerReferences?.Any(o => o.Uid == service.Metadata.Uid && o.Kind == "Service" && o.ApiVersion == "v1") == true;

    /// <summary>The placeholder that exists already: same namespace, labels and owner, no ports, no endpoints.</summary>
    private static bool IsSamePlaceholder(V1EndpointSlice slice, V1EndpointSlice placeholder) =>
        slice.Metadata.NamespaceProperty == placeholder.Metadata.NamespaceProperty
        && slice.Metadata.Labels.SameAs(placeholder.Metadata.Labels)
        && ModelEquality.SameJson(slice.Metadata.OwnerReferences, placeholder.Metadata.OwnerReferences)
        && slice.AddressType == placeholder.AddressType
        && (slice.Ports?.Count ?? 0) == 0
        && (slice.Endpoints?.Count ?? 0) == 0;

    /// <summary>Equal in what the endpoint key does not cover: node, zone, conditions and the pod reference.</summary>
    private static bool SameBeyondKey(V1Endpoint a, V1Endpoint b) =>
        a.NodeName == b.NodeName
        && a.Zone == b.Zone
        && a.Conditions?.Ready == b.Conditions?.Ready
        && a.Conditions?.Serving == b.Conditions?.Serving
        && a.Conditions?.Terminating == b.Conditions?.Terminating
        && a.TargetRef?.Kind == b.TargetRef?.Kind
        && a.TargetRef?.NamespaceProperty == b.TargetRef?.NamespaceProperty
        && a.TargetRef?.Name == b.TargetRef?.Name
        && a.TargetRef?.Uid == b.TargetRef?.Uid;

    /// <summary>The address types the Service's IP families call for (IPv4 for single-stack IPv4).</summary>
    private static List<string> AddressTypesOf(V1Service service) =>
        service.Spec?.IpFamilies is { Count: > 0 } families
            ? families.Where(f => f is "IPv4" or "IPv6").Distinct().ToList()
            : EndpointPods.HasClusterIp(service) ? [EndpointPods.FamilyOf(service)] : ["IPv4", "IPv6"];

    private static string PortsKey(IList<Discoveryv1EndpointPort>? ports) =>
        string.Join("\n", (ports ?? []).Select(p => $"{p.Name}/{p.Port}/{p.Protocol}/{p.AppProtocol}").Order(StringComparer.Ordinal));

    private static void Group(Dictionary<string, List<V1EndpointSlice>> groups, string key, V1EndpointSlice slice)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            list = [];
            groups[key] = list;
        }

        list.Add(slice);
    }

    private static Dictionary<string, string> WithoutReserved(IDictionary<string, string>? labels) =>
        (labels ?? new Dictionary<string, string>())
            .Where(l => l.Key is not (ServiceNameLabel or ManagedByLabel or EndpointsController.HeadlessLabel))
            .ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    /// <summary>The endpoints still to place, in pod-name order, found by pod and address.</summary>
    private sealed class DesiredEndpoints
    {
        private readonly SortedDictionary<string, V1Endpoint> _byKey = new(StringComparer.Ordinal);

        public int Count => _byKey.Count;

        public void Add(V1Endpoint endpoint) => _byKey[KeyOf(endpoint)] = endpoint;

        /// <summary>The desired version of an existing endpoint, which is then placed.</summary>
        public V1Endpoint? Take(V1Endpoint existing) => _byKey.Remove(KeyOf(existing), out var wanted) ? wanted : null;

        public V1Endpoint TakeFirst()
        {
            var first = _byKey.First();
            _byKey.Remove(first.Key);
            return first.Value;
        }

        private static string KeyOf(V1Endpoint endpoint) =>
            $"{endpoint.TargetRef?.Name}\n{endpoint.TargetRef?.Uid}\n{string.Join(",", endpoint.Addresses ?? [])}\n{endpoint.Hostname}";
    }
}
