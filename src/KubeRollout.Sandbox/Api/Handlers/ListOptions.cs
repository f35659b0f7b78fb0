using System.Globalization;
using KubeRollout.Sandbox.Api.Errors;
using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Api.Selectors;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>
/// The ListOptions of a list, watch or deletecollection request, decoded and validated as the API server does:
/// parameters that do not parse are 400 BadRequest (DecodeParameters), combinations ValidateListOptions forbids are
/// 422 Invalid, and a resourceVersion that is no version is 400 (the storage's ParseResourceVersion).
/// </summary>
internal sealed record ListOptions(
    ObjectFilter Selection, long Limit, ContinueToken? Continue, string? ResourceVersion, string? ResourceVersionMatch, long? TimeoutSeconds, bool SendInitialEvents)
{
    public const string NotOlderThan = "NotOlderThan";
    public const string Exact = "Exact";

    /// <summary>The resourceVersion as a number; null for "" and "0" (any version).</summary>
    public long? MinimumVersion => ParseResourceVersion(ResourceVersion);

    public static ListOptions From(ResourceTarget target, QueryParameters query, bool watch)
    {
        var limit = ParseInt64(query, "limit") ?? 0;
        var timeout = ParseInt64(query, "timeoutSeconds");
        var resourceVersion = query.Get("resourceVersion");
        var match = query.Get("resourceVersionMatch");
        var continueValue = query.Get("continue");
        var sendInitialEvents = query.Has("sendInitialEvents") ? query.GetBool("sendInitialEvents") : (bool?)null;
        Validate(watch, resourceVersion, match, continueValue, sendInitialEvents);
        var token = string.IsNullOrEmpty(continueValue) ? null : ContinueToken.Decode(continueValue);
        if (token is not null && resourceVersion is { Length: > 0 } and not "0")
        {
            throw ApiErrors.BadRequest("specifying resource version is not allowed when using continue");
        }

        _ = ParseResourceVersion(resourceVersion); // refused before anything is read
        return new ListOptions(Filter(target, query), Math.Max(0, limit), token, resourceVersion, match, timeout, sendInitialEvents == true);
    }

    public static ObjectFilter Filter(ResourceTarget target, QueryParameters query)
    {
        var labels = LabelSelectorParser.Parse(query.Get("labelSelector"));
        var fields = FieldQuery.Parse(query.Get("fieldSelector"), target.Resource);
        if (target.Name is not null)
        {
            // The legacy form GET …/pods/name?watch=true watches one object.
            fields = new FieldQuery([.. fields.Requirements, new FieldRequirement("metadata.name", true, target.Name, o => o.Metadata.Name)]);
        }

        return new ObjectFilter(target.Resource.Namespaced ? target.Namespace : null, labels, fields);
    }

    /// <summary>storage.APIObjectVersioner.ParseResourceVersion: "" and "0" mean any version.</summary>
    public static long? ParseResourceVersion(string? resourceVersion)
    {
        if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
        {
            return null;
        }

        return long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ApiErrors.BadRequest(
                $"invalid resource version: resourceVersion: Invalid value: \"{resourceVersion}\": strconv.ParseUint: parsing \"{resourceVersion}\": {(resourceVersion.All(char.IsAsciiDigit) ? "value out of range" : "invalid syntax")}");
    }

    /// <summary>Query parameters decode into int64 fields as Go's strconv.ParseInt reads them.</summary>
    private static long? ParseInt64(QueryParameters query, string name)
    {
        var value = query.GetFirst(name);
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var outOfRange = value.TrimStart('-', '+').Length > 0 && value.TrimStart('-', '+').All(char.IsAsciiDigit);
        throw ApiErrors.BadRequest($"strconv.ParseInt: parsing \"{value}\": {(outOfRange ? "value out of range" : "invalid syntax")}");
    }

    /// <summary>metainternalversion validation.ValidateListOptions (422 ListOptions.meta.k8s.io is invalid).</summary>
    private static void Validate(bool watch, string? resourceVersion, string? match, string? continueValue, bool? sendInitialEvents)
    {
        if (watch)
        {
            if (sendInitialEvents is not null && match != NotOlderThan)
            {
                throw Forbidden($"sendInitialEvents requires setting resourceVersionMatch to {NotOlderThan}");
            }

            if (string.IsNullOrEmpty(match))
            {
                return;
            }

            if (sendInitialEvents is null)
            {
                throw Forbidden("resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
            }

            if (match != NotOlderThan)
            {
                throw NotSupported(match, $"\"{NotOlderThan}\"");
            }

            if (!string.IsNullOrEmpty(continueValue))
            {
                throw Forbidden("resourceVersionMatch is forbidden when continue is provided");
            }

            return;
        }

        if (!string.IsNullOrEmpty(match))
        {
            if (string.IsNullOrEmpty(resourceVersion))
            {
                throw Forbidden("resourceVersionMatch is forbidden unless resourceVersion is provided");
            }

            if (!string.IsNullOrEmpty(continueValue))
            {
                throw Forbidden("resourceVersionMatch is forbidden when continue is provided");
            }

            if (match is not (Exact or NotOlderThan))
            {
                throw NotSupported(match, $"\"{Exact}\", \"{NotOlderThan}\", \"\"");
            }

            if (match == Exact && resourceVersion == "0")
            {
                throw Forbidden("resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
            }
        }

        if (sendInitialEvents is not null)
        {
            throw ApiErrors.InvalidOptions("ListOptions", "sendInitialEvents", "FieldValueForbidden", "Forbidden: sendInitialEvents is forbidden for list");
        }
    }

    private static Storage.StoreException Forbidden(string message) =>
        ApiErrors.InvalidOptions("ListOptions", "resourceVersionMatch", "FieldValueForbidden", $"Forbidden: {message}");

    private static Storage.StoreException NotSupported(string value, string supported) =>
        ApiErrors.InvalidOptions("ListOptions", "resourceVersionMatch", "FieldValueNotSupported", $"Unsupported value: \"{value}\": supported values: {supported}");
}
