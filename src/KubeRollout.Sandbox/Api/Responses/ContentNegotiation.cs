using KubeRollout.Sandbox.Api.Errors;

namespace KubeRollout.Sandbox.Api.Responses;

/// <summary>Chooses the response representation from an Accept header, taking the client's first acceptable choice.</summary>
internal static class ContentNegotiation
{
    public static ResponseFormat Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return ResponseFormat.Json;
        }

        foreach (var range in accept.Split(','))
        {
            var parts = range.Split(';');
            var mediaType = parts[0].Trim().ToLowerInvariant();
            var parameters = parts.Skip(1)
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2)
                .GroupBy(p => p[0].Trim().ToLowerInvariant())
                .ToDictionary(g => g.Key, g => g.Last()[1].Trim());

            if (mediaType is "*/*" or "application/*")
            {
                return ResponseFormat.Json;
            }

            if (mediaType != "application/json")
            {
                continue; // protobuf, yaml, cbor: not served
            }

            if (!parameters.TryGetValue("as", out var kind))
            {
                return ResponseFormat.Json;
            }

            var group = parameters.GetValueOrDefault("g");
            var version = parameters.GetValueOrDefault("v");
            if (group != "meta.k8s.io" || version is not ("v1" or "v1beta1"))
            {
                continue;
            }

            switch (kind)
            {
                case "Table":
                    return new ResponseFormat(ResponseShape.Table, version);
                case "PartialObjectMetadata" or "PartialObjectMetadataList":
                    return new ResponseFormat(ResponseShape.PartialObjectMetadata, version);
            }
        }

        throw ApiErrors.NotAcceptable();
    }
}
