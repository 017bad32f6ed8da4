using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

internal static class ApiClientExtensions
{
    public static async Task<LeadDecision> PostLeadForDecisionAsync(this HttpClient client, JsonNode lead)
    {
        var response = await client.PostLeadAsync(lead);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LeadDecision>())!;
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.PutAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode? body) =>
        client.PostAsJsonAsync(path, body);
}
