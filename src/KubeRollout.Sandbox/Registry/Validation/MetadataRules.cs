using System.Text;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>ObjectMeta validation: the name by the kind's rule, labels and annotations syntax.</summary>
internal static class MetadataRules
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;

    public static void Validate(V1ObjectMeta? meta, Func<string, IReadOnlyList<string>> nameRule, FieldErrors errors, string path = "metadata")
    {
        if (meta is null)
        {
            errors.Required($"{path}.name", "name or generateName is required");
            return;
        }

        if (string.IsNullOrEmpty(meta.Name))
        {
            errors.Required($"{path}.name", "name or generateName is required");
        }
        else
        {
            foreach (var message in nameRule(meta.Name))
            {
                errors.Invalid($"{path}.name", GoValue.Quote(meta.Name), message);
            }
        }

        ValidateLabelsAndAnnotations(meta, errors, path);
    }

    /// <summary>Pod templates carry no name; only their labels and annotations are checked.</summary>
    public static void ValidateLabelsAndAnnotations(V1ObjectMeta? meta, FieldErrors errors, string path)
    {
        Labels(meta?.Labels, errors, $"{path}.labels");
        Annotations(meta?.Annotations, errors, $"{path}.annotations");
    }

    public static void Labels(IDictionary<string, string>? labels, FieldErrors errors, string path)
    {
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            foreach (var message in NameRules.QualifiedName(key))
            {
                errors.Invalid(path, GoValue.Quote(key), message);
            }

            foreach (var message in NameRules.LabelValue(value ?? string.Empty))
            {
                errors.Invalid(path, GoValue.Quote(value), message);
            }
        }
    }

    private static void Annotations(IDictionary<string, string>? annotations, FieldErrors errors, string path)
    {
        var size = 0;
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
        {
            foreach (var message in NameRules.QualifiedName(key.ToLowerInvariant()))
            {
                errors.Invalid(path, GoValue.Quote(key), message);
            }

            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value ?? string.Empty);
        }

        if (size > TotalAnnotationSizeLimit)
        {
            errors.TooLong(path, TotalAnnotationSizeLimit);
        }
    }
}
