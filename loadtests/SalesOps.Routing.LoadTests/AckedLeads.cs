using System.Collections.Concurrent;
using System.Text.Json;

namespace SalesOps.Routing.LoadTests;

/// <summary>Every lead the server acknowledged with 2xx, as it answered: what verification must find stored.</summary>
internal sealed class AckedLeads
{
    private readonly ConcurrentQueue<(string Id, string Status)> _leads = new();
    private readonly ConcurrentQueue<string> _untouched = new();

    public IReadOnlyCollection<(string Id, string Status)> All => _leads;

    public async Task RecordAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (id, status) = Read(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        _leads.Enqueue((id, status));
        if (status == "assigned")
            _untouched.Enqueue(id);
    }

    /// <summary>An assigned lead nobody has touched yet, for the mixed scenario's reps to work.</summary>
    public bool TryTake(out string id) => _untouched.TryDequeue(out id!);

    // Runs on the runner's share of the cores for every acknowledged lead: reads the two top-level
    // properties it needs and skips the rest (the trace) without building a document.
    private static (string Id, string Status) Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? id = null;
        var status = "";
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (id is null || status.Length == 0))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.GetString();
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                status = reader.GetString() ?? "";
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (id ?? throw new JsonException("The acknowledgement has no id."), status);
    }
}
