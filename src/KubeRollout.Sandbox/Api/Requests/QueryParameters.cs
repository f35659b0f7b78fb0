using System.Globalization;
using KubeRollout.Sandbox.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeRollout.Sandbox.Api.Requests;

/// <summary>Typed access to the query string, with the API server's parsing rules (Go's boolean spellings, …).</summary>
internal sealed class QueryParameters(IQueryCollection query)
{
    public string? Get(string name)
    {
        var values = query[name];
        return values.Count == 0 ? null : values[^1];
    }

    /// <summary>The first value, as the API server's parameter decoding takes it for a scalar option.</summary>
    public string? GetFirst(string name)
    {
        var values = query[name];
        return values.Count == 0 ? null : values[0];
    }

    public IReadOnlyList<string> GetAll(string name) => query[name].Where(v => v is not null).Select(v => v!).ToList();

    public bool Has(string name) => query.ContainsKey(name);

    /// <summary>Go's strconv.ParseBool; a parameter given without a value counts as true.</summary>
    public bool GetBool(string name, bool defaultValue = false)
    {
        var value = Get(name);
        if (value is null)
        {
            return defaultValue;
        }

        return value switch
        {
            "" or "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => throw ApiErrors.BadRequest($"invalid boolean value for {name}: \"{value}\""),
        };
    }

    public long? GetInt64(string name)
    {
        var value = Get(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ApiErrors.BadRequest($"invalid value for {name}: \"{value}\"");
    }
}
