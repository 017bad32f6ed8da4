using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

/// <summary>A lead as one snapshot of the database showed it (see <see cref="LeadSnapshotReader"/>).</summary>
internal sealed record LeadSnapshot(LeadRecord Record, LeadNow Now, IReadOnlyList<SlaTimerResponse> Timers);
