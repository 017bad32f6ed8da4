using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

internal static class LeadPayloads
{
    private static int _next;

    public static string NewExternalId() => $"ext-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}";

    /// <summary>
    /// A qualified German lead (demo request from a business address) that the sample rules send to
    /// EMEA-DACH. Each has its own e-mail, so the duplicate rule does not tie it to an earlier lead.
    /// </summary>
    public static JsonObject QualifiedDach(string? externalId = null) => new()
    {
        ["externalId"] = externalId ?? NewExternalId(),
        ["source"] = "hubspot",
        ["email"] = $"jane.doe.{Interlocked.Increment(ref _next)}@acme-robotics.example",
        ["firstName"] = "Jane",
        ["lastName"] = "Doe",
        ["title"] = "Head of Operations",
        ["company"] = "Acme Robotics GmbH",
        ["country"] = "Germany",
        ["employees"] = 300,
        ["leadSource"] = "demo-request",
    };

    public static Task<HttpResponseMessage> PostLeadAsync(this HttpClient client, JsonNode lead) =>
        client.PostAsJsonAsync("/api/leads", lead);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string contentType = "application/json") =>
        client.PostAsync("/api/leads", new StringContent(body, System.Text.Encoding.UTF8, contentType));
}
