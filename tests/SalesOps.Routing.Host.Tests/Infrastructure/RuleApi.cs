using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>The rule-set API as a client reads it.</summary>
internal static class RuleApi
{
    internal sealed record Error(string File, int? Line, int? Column, string Message);

    internal sealed record Refusal(DateTimeOffset At, string Version, string Message, List<Error> Errors);

    internal sealed record Status(string? ActiveVersion, DateTimeOffset? LoadedAt, string Folder, Refusal? LastError);

    public static async Task<Status> GetStatusAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<Status>("/api/rules/status"))!;

    public static Task<Status> WaitForStatusAsync(this HttpClient client, Func<Status, bool> done, string what) =>
        Eventually.WaitForAsync(client.GetStatusAsync, done, what);

    /// <summary>A JSON object of file name to content, as POST /api/rules/validate, /api/simulate and /api/rules/backtest take drafts.</summary>
    public static JsonObject FileMap(params (string Name, string Content)[] files)
    {
        var map = new JsonObject();
        foreach (var (name, content) in files)
            map[name] = content;
        return map;
    }
}
