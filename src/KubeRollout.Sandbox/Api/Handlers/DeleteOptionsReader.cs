using System.Text.Json;
using k8s.Models;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Registry;
using KubeRollout.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>The effective options of a delete (<see cref="DeleteRequest"/>), from the DeleteOptions body or, without a body, from the query.</summary>
internal static class DeleteOptionsReader
{
    public static async Task<DeleteRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var bytes = await RequestBody.ReadBytesAsync(request, cancellationToken);
        V1DeleteOptions options;
        if (bytes.Length > 0)
        {
            var format = BodyContentType.ForObject(request);
            using var body = RequestBody.Parse(bytes, format, error =>
                ApiErrors.BadRequest($"the object provided is unrecognized (must be of type DeleteOptions): couldn't get version/kind; {error} ({RequestBody.Summarize(bytes)})"));
            try
            {
                options = ModelJson.FromNode(body.ToNode() ?? throw ApiErrors.BadRequest("DeleteOptions must be a JSON object"), typeof(V1DeleteOptions)) as V1DeleteOptions
                    ?? new V1DeleteOptions();
            }
            catch (JsonException e)
            {
                throw ApiErrors.BadRequest($"DeleteOptions in version \"v1\" cannot be handled as a DeleteOptions: {DecodeErrors.Describe(body.Root, typeof(V1DeleteOptions), e)}");
            }
            catch (InvalidOperationException)
            {
                throw ApiErrors.BadRequest("DeleteOptions must be a JSON object");
            }
        }
        else
        {
            options = new V1DeleteOptions
            {
                PropagationPolicy = query.Get("propagationPolicy"),
                GracePeriodSeconds = query.GetInt64("gracePeriodSeconds"),
                OrphanDependents = query.Has("orphanDependents") ? query.GetBool("orphanDependents") : null,
                DryRun = query.GetAll("dryRun").ToList(),
            };
        }

        return Validate(options);
    }

    private static DeleteRequest Validate(V1DeleteOptions options)
    {
        var policy = options.PropagationPolicy;
        if (policy is not null && policy is not ("Foreground" or "Background" or "Orphan"))
        {
            throw ApiErrors.InvalidOptions("DeleteOptions", "propagationPolicy", "FieldValueNotSupported",
                $"Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }

        if (options.OrphanDependents is { } orphan)
        {
            if (policy is not null)
            {
                throw ApiErrors.InvalidOptions("DeleteOptions", "propagationPolicy", "FieldValueInvalid",
                    $"Invalid value: \"{policy}\": orphanDependents and deletionPropagation cannot be both set");
            }

            policy = orphan ? "Orphan" : "Background";
        }

        if (options.GracePeriodSeconds is < 0)
        {
            throw ApiErrors.InvalidOptions("DeleteOptions", "gracePeriodSeconds", "FieldValueInvalid",
                $"Invalid value: {options.GracePeriodSeconds}: must be greater than or equal to 0");
        }

        var dryRun = WriteOptions.ParseDryRun(options.DryRun?.ToList() ?? [], "DeleteOptions");
        return new DeleteRequest(policy, options.Preconditions?.Uid, options.Preconditions?.ResourceVersion, dryRun, options.GracePeriodSeconds);
    }
}
