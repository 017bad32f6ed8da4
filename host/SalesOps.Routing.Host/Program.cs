using SalesOps.Routing.Host.Baselines;
using SalesOps.Routing.Host.Cli;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Health;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Logging;
using SalesOps.Routing.Host.Observability;
using SalesOps.Routing.Host.Routing;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Security;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Webhooks;

if (RulesCommandLine.Handles(args))
    return await RulesCommandLine.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

// No file watch on the content root for configuration reloads: the watch covers every folder below
// it, where the embedded database lives, and woke for each commit's writes (6 % of the host's CPU at
// 2,000 leads/s). Settings are read at start; rule files have their own watcher on their own folder.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);

builder.Services.AddSingleton(TimeProvider.System);
builder.AddRoutingLogging();
builder.AddApiKeySecurity();
builder.AddApiRateLimiting();
builder.AddRequestLimits();
// Storage first: activating a rule set stores its version.
builder.AddRoutingStorage();
builder.AddRuleSets();
builder.AddLeadRouting();
builder.AddLeadIngest();
builder.AddLeadReads();
builder.AddSlaTimers();
builder.AddWebhooks();
builder.AddRoutingHealthChecks();
builder.AddRoutingMetrics();
builder.AddDashboard();
builder.AddLoadTestBaselines();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseRoutingRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDashboard();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapOpenApi().AllowAnonymous();
app.MapLeadEndpoints();
app.MapLeadStatusEndpoints();
app.MapRoutingEndpoints();
app.MapAccountEndpoints();
app.MapRuleEndpoints();
app.MapSlaEndpoints();
app.MapWebhookEndpoints();
app.MapRoutingHealthChecks();
app.MapRoutingMetrics();
app.MapLoadTestBaselines();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the real application.</summary>
public partial class Program;
