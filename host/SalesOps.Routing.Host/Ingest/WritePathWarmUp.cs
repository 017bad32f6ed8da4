using System.Diagnostics;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Ingest;

/// <summary>
/// Rehearses the write path before the host listens. A fresh process runs its code unoptimized
/// until the runtime has seen it called often enough; on the single writer that made a cold host,
/// posted 2,840 leads a second, fall more than a second behind, where a warm one answers in
/// milliseconds. So before Kestrel starts, a few batches of sample leads are parsed, evaluated,
/// decided and written in transactions that are rolled back: nothing is stored, no rotation moves.
/// A failure is logged and the start goes on; the readiness check reports a database at fault.
/// </summary>
internal sealed partial class WritePathWarmUp(
    ILeadStore store,
    RuleSetProvider rules,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<WritePathWarmUp> logger) : IHostedService
{
    // Varied enough to take the usual branches: assigned, disqualified by free mail, another territory, unrouted.
    private static readonly string[] SampleLeads =
    [
        """{"source":"warm-up","email":"jane.doe@acme-robotics.example","firstName":"Jane","lastName":"Doe","title":"Head of Operations","company":"Acme Robotics GmbH","country":"DE","employees":300,"leadSource":"demo-request"}""",
        """{"source":"warm-up","email":"sam.lee@gmail.com","firstName":"Sam","lastName":"Lee","company":"Lee Consulting","country":"US","state":"CA","postalCode":"94105","employees":5,"leadSource":"newsletter"}""",
        """{"source":"warm-up","email":"ana.silva@globex.example","firstName":"Ana","lastName":"Silva","title":"VP Sales","company":"Globex","country":"FR","industry":"Retail","employees":5000,"annualRevenue":900000000,"leadSource":"contact-us","attributes":{"pricingPageVisits":"3","trial":true}}""",
        """{"source":"warm-up","email":"kai@initech.example","company":"Initech","country":"JP","employees":40,"leadSource":"webinar"}""",
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rounds = options.Value.WarmUpBatches;
        if (rounds == 0)
            return;

        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var round = 0; round < rounds; round++)
                await store.RehearseAsync(Batch(round), cancellationToken);
            LogWarmedUp(rounds, rounds * options.Value.WarmUpBatchSize, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWarmUpFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private List<PendingLead> Batch(int round)
    {
        var ruleSet = rules.Current;
        var now = clock.GetUtcNow();
        var batch = new List<PendingLead>(options.Value.WarmUpBatchSize);
        for (var i = 0; i < options.Value.WarmUpBatchSize; i++)
        {
            // The same path as a post: the body parsed from JSON, evaluated, then handed to the store.
            var payload = SampleLeads[i % SampleLeads.Length].Replace("\"source\":", $"\"externalId\":\"warm-up-{round}-{i}\",\"source\":", StringComparison.Ordinal);
            batch.Add(PendingLead.FromSample(payload, ruleSet, now));
        }

        return batch;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Write path warmed up: {Batches} rolled-back batches, {Leads} sample leads, in {ElapsedMs:F0} ms")]
    private partial void LogWarmedUp(int batches, int leads, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the write path failed; the host starts cold")]
    private partial void LogWarmUpFailed(Exception exception);
}
