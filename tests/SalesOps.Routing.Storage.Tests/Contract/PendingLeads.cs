using System.Text.Json;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Rules;

namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>Leads evaluated by the real engine against the sample rules, ready for the writer to commit.</summary>
internal static class PendingLeads
{
    public static RuleSet Rules { get; } = RuleSetBuilder.Build(RuleFolder.Read(Path.Combine(AppContext.BaseDirectory, "rules")));

    public static IReadOnlyList<string> DachReps { get; } = [.. Rules.Teams["EMEA-DACH"].Reps.Select(r => r.Id)];

    /// <summary>
    /// A qualified German demo request, which the sample rules send to EMEA-DACH. Each has an
    /// address of its own, so the duplicate rule does not send it to an earlier lead's owner.
    /// </summary>
    public static LeadInput Dach(string? externalId = null, string source = "hubspot") => new()
    {
        ExternalId = externalId ?? $"ext-{Guid.NewGuid():N}",
        Source = source,
        Email = $"lead-{Guid.NewGuid():N}@acme-robotics.example",
        FirstName = "Jane",
        LastName = "Doe",
        Title = "Head of Operations",
        Company = "Acme Robotics GmbH",
        Country = "Germany",
        Employees = 300,
        LeadSource = "demo-request",
    };

    public static PendingLead For(LeadInput input, DateTimeOffset receivedAt, string? leadId = null) => new(
        leadId ?? Guid.CreateVersion7(receivedAt).ToString(),
        receivedAt,
        input,
        JsonSerializer.Serialize(input, JsonSerializerOptions.Web),
        LeadEvaluator.Evaluate(input, Rules),
        Rules);
}
