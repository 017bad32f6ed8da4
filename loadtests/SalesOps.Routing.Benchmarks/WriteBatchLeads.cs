using System.Globalization;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// Batches of qualified European demo requests as a post queues them for the writer: the body parsed
/// by the host's parser and evaluated by the engine. Every lead has its own key and address, so
/// none is a repeat of a stored one and the duplicate rule sends none to an earlier lead's owner.
/// </summary>
internal static class WriteBatchLeads
{
    // Two territories, so a batch turns two rotations, as a real mix does.
    private static readonly string[] Templates =
    [
        """{"externalId":"{id}","source":"hubspot","email":"{id}@acme-robotics.example","firstName":"Jane","lastName":"Doe","title":"Head of Operations","company":"Acme Robotics GmbH","country":"DE","employees":300,"leadSource":"demo-request"}""",
        """{"externalId":"{id}","source":"marketo","email":"{id}@globex.example","firstName":"Oliver","lastName":"Smith","title":"VP Sales","company":"Globex Ltd","country":"GB","employees":800,"leadSource":"demo-request"}""",
    ];

    public static IReadOnlyList<PendingLead> Create(RuleSet rules, DateTimeOffset receivedAt, int batchNumber, int size)
    {
        var batch = new List<PendingLead>(size);
        for (var i = 0; i < size; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"bench-{batchNumber}-{i}");
            var payload = Templates[i % Templates.Length].Replace("{id}", id, StringComparison.Ordinal);
            batch.Add(PendingLead.FromSample(payload, rules, receivedAt));
        }

        return batch;
    }
}
