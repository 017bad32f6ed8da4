using SalesOps.Routing.Host.Baselines;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Health;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Logging;
using SalesOps.Routing.Host.Observability;
using SalesOps.Routing.Host.Routing;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.AddRoutingLogging();
builder.AddRuleSets();
builder.AddRoutingStorage();
builder.AddLeadRouting();
builder.AddLeadIngest();
builder.AddSlaTimers();
builder.AddRoutingHealthChecks();
builder.AddRoutingMetrics();
builder.AddDashboard();
builder.AddLoadTestBaselines();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDashboard();
app.MapOpenApi();
app.MapLeadEndpoints();
app.MapLeadStatusEndpoints();
app.MapRoutingEndpoints();
app.MapAccountEndpoints();
app.MapSlaEndpoints();
app.MapRoutingHealthChecks();
app.MapRoutingMetrics();
app.MapLoadTestBaselines();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the real application.</summary>
public partial class Program;
