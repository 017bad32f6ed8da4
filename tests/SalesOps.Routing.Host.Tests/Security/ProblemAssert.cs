using System.Net;
using System.Text.Json;

namespace SalesOps.Routing.Host.Tests.Security;

internal static class ProblemAssert
{
    /// <summary>The response has <paramref name="status"/> and an RFC 9457 body that says the same status.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        return problem.RootElement.Clone();
    }
}
