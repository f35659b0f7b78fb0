using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>Raw HTTP helpers: send a body with a content type, read JSON, assert Status failures.</summary>
internal static class HttpJson
{
    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string url, string? body = null, string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts a Status failure as the API server sends it and returns it.</summary>
    public static async Task<JsonObject> AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode code, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(code == response.StatusCode, $"expected {(int)code} but got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("v1", (string?)status["apiVersion"]);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal(reason, (string?)status["reason"]);
        Assert.Equal((int)code, (int)status["code"]!);
        Assert.NotNull(status["metadata"]);
        return status;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
