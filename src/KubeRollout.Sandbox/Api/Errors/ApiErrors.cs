using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Api.Errors;

/// <summary>
/// The failures the REST layer raises itself, worded as the real API server words them. They are
/// <see cref="StoreException"/>s so that one path turns every failure into a Status.
/// </summary>
internal static class ApiErrors
{
    public static StoreException BadRequest(string message) => new(400, "BadRequest", message);

    public static StoreException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static StoreException RouteNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource", new V1StatusDetails());

    public static StoreException NotFound(ResourceType resource, string name) =>
        new StoreNotFoundException($"{resource.QualifiedName} \"{name}\" not found", Details(resource, name));

    public static StoreException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new V1StatusDetails());

    public static StoreException NotAcceptable() =>
        new(406, "NotAcceptable", "only the following media types are accepted: application/json, application/yaml");

    public static StoreException RequestEntityTooLarge(long limit) =>
        new(413, "RequestEntityTooLarge", $"Request entity too large: limit is {limit}");

    public static StoreException UnsupportedMediaType(string? contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}",
            contentType is null ? null : new V1StatusDetails());

    /// <summary>
    /// 415 for a protobuf body of a kind the sandbox has no field table for (a real server decodes every kind; the
    /// sandbox decodes those kubectl sends as protobuf).
    /// </summary>
    public static StoreException UnsupportedProtobufKind(string kind, IEnumerable<string> decodedKinds) =>
        new(415, "UnsupportedMediaType",
            $"the sandbox decodes application/vnd.kubernetes.protobuf bodies of {string.Join(", ", decodedKinds)} only: send this {kind} as application/json",
            new V1StatusDetails());

    public static StoreException UnsupportedProtobufField(string kind, string message, int number) =>
        new(415, "UnsupportedMediaType",
            $"the sandbox does not decode field {number} of {message} in application/vnd.kubernetes.protobuf bodies, and this {kind} sets it: send it as application/json (kubectl create -f or kubectl apply) so that nothing of it is lost",
            new V1StatusDetails());

    /// <summary>422 for an invalid option object (e.g. <c>PatchOptions.meta.k8s.io "" is invalid: force: …</c>).</summary>
    public static StoreException InvalidOptions(string optionsKind, string field, string reason, string message) =>
        new(422, "Invalid", $"{optionsKind}.meta.k8s.io \"\" is invalid: {field}: {message}",
            new V1StatusDetails
            {
                Group = "meta.k8s.io",
                Kind = optionsKind,
                Causes = [new V1StatusCause { Reason = reason, Message = message, Field = field }],
            });

    /// <summary>422 for an object that cannot be built from a patch result (the real server names no kind here).</summary>
    public static StoreException InvalidPatchResult(string patchedJson, string error) =>
        new(422, "Invalid", $" \"\" is invalid: patch: Invalid value: \"{patchedJson}\": {error}",
            new V1StatusDetails
            {
                Causes = [new V1StatusCause { Reason = "FieldValueInvalid", Message = $"Invalid value: \"{patchedJson}\": {error}", Field = "patch" }],
            });

    public static StoreException Conflict(ResourceType resource, string name, string detail) =>
        new StoreConflictException($"Operation cannot be fulfilled on {resource.QualifiedName} \"{name}\": {detail}", Details(resource, name));

    public static StoreException InternalError(Exception error) =>
        new(500, "InternalError", $"Internal error occurred: {error.Message}",
            new V1StatusDetails { Causes = [new V1StatusCause { Message = error.Message }] });

    public static StoreException Timeout(string message) => new(504, "Timeout", message);

    private static V1StatusDetails Details(ResourceType resource, string name) =>
        new() { Name = name, Group = resource.Group.Length == 0 ? null : resource.Group, Kind = resource.Plural };
}
