using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Validation;

/// <summary>
/// The validation errors of one object (the API's field.ErrorList): each becomes a Status cause, and together the
/// 422 message <c>Deployment.apps "vweb" is invalid: [spec.selector: Required value, …]</c>.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<V1StatusCause> _causes = [];

    public IReadOnlyList<V1StatusCause> Causes => _causes;

    public bool Any => _causes.Count > 0;

    public void Required(string field, string detail = "") =>
        Add("FieldValueRequired", field, WithDetail("Required value", detail));

    /// <summary><paramref name="goValue"/> is the value as the API prints it (see <see cref="GoValue"/>).</summary>
    public void Invalid(string field, string goValue, string detail) => _causes.Add(InvalidCause(field, goValue, detail));

    public void NotSupported(string field, string goValue, params string[] supported) =>
        Add("FieldValueNotSupported", field, WithDetail($"Unsupported value: {goValue}", supported.Length == 0 ? string.Empty : "supported values: " + string.Join(", ", supported.Select(GoValue.Quote))));

    public void Forbidden(string field, string detail) => Add("FieldValueForbidden", field, WithDetail("Forbidden", detail));

    public void Duplicate(string field, string goValue) => Add("FieldValueDuplicate", field, $"Duplicate value: {goValue}");

    public void NotFound(string field, string goValue) => Add("FieldValueNotFound", field, $"Not found: {goValue}");

    public void TooMany(string field, int actual, int max) => Add("FieldValueTooMany", field, $"Too many: {actual}: must have at most {max} items");

    public void TooLong(string field, int maxBytes) => Add("FieldValueTooLong", field, $"Too long: must have at most {maxBytes} bytes");

    public void Add(V1StatusCause cause) => _causes.Add(cause);

    public static V1StatusCause InvalidCause(string field, string goValue, string detail) =>
        new() { Reason = "FieldValueInvalid", Field = field, Message = WithDetail($"Invalid value: {goValue}", detail) };

    /// <summary>The 422 Invalid error, worded as the API words it.</summary>
    public static StoreException Invalid(ResourceType resource, string? name, IReadOnlyList<V1StatusCause> causes)
    {
        var kind = resource.Group.Length == 0 ? resource.Kind : $"{resource.Kind}.{resource.Group}";
        var messages = causes.Select(c => $"{c.Field}: {c.Message}").Distinct(StringComparer.Ordinal).ToList();
        var aggregate = messages.Count == 1 ? messages[0] : $"[{string.Join(", ", messages)}]";
        return new StoreException(
            422,
            "Invalid",
            $"{kind} \"{name}\" is invalid: {aggregate}",
            new V1StatusDetails { Name = name, Group = resource.Group.Length == 0 ? null : resource.Group, Kind = resource.Kind, Causes = causes.ToList() });
    }

    public void ThrowIfAny(ResourceType resource, string? name)
    {
        if (Any)
        {
            throw Invalid(resource, name, _causes);
        }
    }

    private void Add(string reason, string field, string message) => _causes.Add(new V1StatusCause { Reason = reason, Field = field, Message = message });

    private static string WithDetail(string body, string detail) => detail.Length == 0 ? body : $"{body}: {detail}";
}
