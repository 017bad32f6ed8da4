using System.Text.Json;
using Dapper;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Dapper implementation of <see cref="IRuleVersionStore"/>; the dialect only changes the statements.</summary>
internal sealed class RuleVersionStore(IConnectionFactory connections, RuleVersionStatements sql) : IRuleVersionStore
{
    public async Task RecordActivationAsync(string version, IReadOnlyDictionary<string, string> files, DateTimeOffset activatedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new
        {
            Version = version,
            ActivatedAt = activatedAt,
            Files = JsonSerializer.Serialize(files.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary()),
        };
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertVersionIfNew, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertActivation, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RuleVersionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql.SelectSummaries, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RuleVersionSummary(r.Version, r.FirstActivatedAt, r.LastActivatedAt, (int)r.Activations))];
    }

    public async Task<RuleVersionRecord?> GetAsync(string version, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(
            new CommandDefinition(sql.SelectVersion, new { Version = version }, cancellationToken: cancellationToken));
        if (row is null)
            return null;
        var activations = await connection.QueryAsync<DateTimeOffset>(
            new CommandDefinition(sql.SelectActivations, new { Version = version }, cancellationToken: cancellationToken));
        return new RuleVersionRecord(row.Version, row.FirstActivatedAt, [.. activations],
            JsonSerializer.Deserialize<Dictionary<string, string>>(row.Files) ?? []);
    }

    private sealed class SummaryRow
    {
        public string Version { get; init; } = "";
        public DateTimeOffset FirstActivatedAt { get; init; }
        public DateTimeOffset LastActivatedAt { get; init; }
        public long Activations { get; init; }
    }

    private sealed class VersionRow
    {
        public string Version { get; init; } = "";
        public DateTimeOffset FirstActivatedAt { get; init; }
        public string Files { get; init; } = "{}";
    }
}
