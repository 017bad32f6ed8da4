using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesOps.Routing.LoadTests;

/// <summary>Every lead the server acknowledged with 2xx, as it answered: what verification must find stored.</summary>
internal sealed class AckedLeads
{
    private readonly ConcurrentQueue<(string Id, string Status)> _leads = new();
    private readonly ConcurrentQueue<string> _untouched = new();

    public IReadOnlyCollection<(string Id, string Status)> All => _leads;

    public async Task RecordAsync(HttpResponseMessage response)
    {
        using var body = await response.Content.ReadFromJsonAsync<JsonDocument>();
        var root = body!.RootElement;
        var status = root.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
        var id = root.GetProperty("id").GetString()!;
        _leads.Enqueue((id, status));
        if (status == "assigned")
            _untouched.Enqueue(id);
    }

    /// <summary>An assigned lead nobody has touched yet, for the mixed scenario's reps to work.</summary>
    public bool TryTake(out string id) => _untouched.TryDequeue(out id!);
}
