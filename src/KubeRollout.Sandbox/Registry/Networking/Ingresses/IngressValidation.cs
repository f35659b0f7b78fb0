using k8s.Models;
using KubeRollout.Sandbox.Registry.Validation;

namespace KubeRollout.Sandbox.Registry.Networking.Ingresses;

/// <summary>
/// The parts of pkg/apis/networking/validation that manifests get wrong: a rule or a default backend, every path
/// with a path type and a backend, a Service backend with a port name or number (not both).
/// </summary>
internal static class IngressValidation
{
    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];

    public static void Validate(V1Ingress ingress, FieldErrors errors)
    {
        MetadataRules.Validate(ingress.Metadata, NameRules.Dns1123Subdomain, errors);
        var spec = ingress.Spec;
        if (spec is null || ((spec.Rules?.Count ?? 0) == 0 && spec.DefaultBackend is null))
        {
            errors.Invalid("spec", "{}", "either `defaultBackend` or `rules` must be specified");
            return;
        }

        if (spec.DefaultBackend is { } fallback)
        {
            ValidateBackend(fallback, "spec.defaultBackend", errors);
        }

        for (var r = 0; r < (spec.Rules?.Count ?? 0); r++)
        {
            var paths = spec.Rules![r].Http?.Paths ?? [];
            for (var p = 0; p < paths.Count; p++)
            {
                var path = $"spec.rules[{r}].http.paths[{p}]";
                if (string.IsNullOrEmpty(paths[p].PathType))
                {
                    errors.Required($"{path}.pathType", "pathType must be specified");
                }
                else if (!PathTypes.Contains(paths[p].PathType))
                {
                    errors.NotSupported($"{path}.pathType", GoValue.Quote(paths[p].PathType), PathTypes);
                }

                if (paths[p].PathType is "Exact" or "Prefix" && !(paths[p].Path ?? string.Empty).StartsWith('/'))
                {
                    errors.Invalid($"{path}.path", GoValue.Quote(paths[p].Path), "must be an absolute path");
                }

                ValidateBackend(paths[p].Backend, $"{path}.backend", errors);
            }
        }
    }

    private static void ValidateBackend(V1IngressBackend? backend, string path, FieldErrors errors)
    {
        if (backend?.Service is null && backend?.Resource is null)
        {
            errors.Invalid(path, "{}", "one backend (service or resource) must be specified");
            return;
        }

        if (backend.Service is { } service)
        {
            if (string.IsNullOrEmpty(service.Name))
            {
                errors.Required($"{path}.service.name");
            }

            var hasName = !string.IsNullOrEmpty(service.Port?.Name);
            var hasNumber = service.Port?.Number is > 0;
            if (hasName == hasNumber)
            {
                errors.Invalid($"{path}.service.port", "{}", hasName ? "cannot set both port name & port number" : "port name or number is required");
            }
        }
    }
}
