using System.Net;
using k8s.Autorest;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>
/// What a real client does when the controllers changed an object between its read and its write (client-go's
/// retry.RetryOnConflict): read again, change again, write again.
/// </summary>
internal static class ConflictRetry
{
    private const int Attempts = 10;

    public static async Task<T> ReadModifyWriteAsync<T>(Func<Task<T>> readModifyWrite)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readModifyWrite();
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
            }
        }
    }

    /// <summary>The same for raw HTTP writes: the last response is returned, whatever its status.</summary>
    public static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> readModifyWrite)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await readModifyWrite();
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == Attempts)
            {
                return response;
            }

            response.Dispose();
        }
    }
}
