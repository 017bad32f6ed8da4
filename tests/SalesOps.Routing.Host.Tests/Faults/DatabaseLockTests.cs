using System.Net;
using Microsoft.Data.Sqlite;
using SalesOps.Routing.Host.Tests.Infrastructure;
using SalesOps.Routing.Host.Tests.Security;

namespace SalesOps.Routing.Host.Tests.Faults;

public sealed class DatabaseLockTests
{
    private static readonly Dictionary<string, string?> ShortWaits = new()
    {
        ["Storage:Sqlite:BusyTimeout"] = "00:00:00.500",
        ["Storage:Sqlite:ProbeTimeout"] = "00:00:00.200",
        ["Ingest:CommitTimeout"] = "00:00:03",
    };

    [Fact]
    public async Task LockedDatabase_Answers503WithRetryAfter_StoresNothing_AndRecoversWhenReleased()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(DatabaseLockTests)), settings: ShortWaits);
        var client = host.Start();
        // A hang would fail the test here instead of holding the suite.
        client.Timeout = TimeSpan.FromSeconds(30);
        var lead = LeadPayloads.QualifiedDach();
        var externalId = lead["externalId"]!.GetValue<string>();

        HttpResponseMessage refused;
        HttpResponseMessage readyWhileLocked;
        HttpResponseMessage refusedRepChange;
        await using (var holder = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var transaction = holder.BeginTransaction(deferred: false);
            await using (var write = holder.CreateCommand())
            {
                write.Transaction = transaction;
                write.CommandText = "UPDATE rotation SET updated_at = updated_at";
                await write.ExecuteNonQueryAsync();
            }

            refused = await client.PostLeadAsync(lead);
            readyWhileLocked = await client.GetAsync("/health/ready");
            refusedRepChange = await client.PutJsonAsync("/api/reps/dach-1", new System.Text.Json.Nodes.JsonObject { ["maxOpenLeads"] = 3 });
            await transaction.RollbackAsync();
        }

        var readyAfter = await client.GetAsync("/health/ready");
        var retried = await client.PostLeadAsync(lead);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileLocked.StatusCode);
        Assert.Equal("Unhealthy", await readyWhileLocked.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(refusedRepChange, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refusedRepChange.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads WHERE external_id = @externalId", new { externalId }));
        Assert.Equal(1L, await host.QueryScalarAsync<long>(
            "SELECT COUNT(*) FROM decisions d JOIN leads l ON l.id = d.lead_id WHERE l.external_id = @externalId", new { externalId }));
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM rep_state WHERE max_open_leads = 3"));
    }
}
