using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Security;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Routing;

internal static class AccountEndpoints
{
    // The longest name DNS allows, and the longest company name the stores keep in full.
    public const int MaxDomainLength = 253;
    public const int MaxCompanyLength = 200;

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/accounts").WithTags("Accounts");
        group.MapGet("/", ListAsync).WithSummary("Known accounts by match key (domain or normalized company name) and owner.")
            .RequireAuthorization(ApiRoles.Viewer);
        group.MapPut("/", UpsertAsync).WithSummary("Add or update accounts: [{ domain, company, owner }]. Leads matching them go to the owner.")
            .RequireAuthorization(ApiRoles.Ops);
        return routes;
    }

    private static async Task<Ok<AccountRow[]>> ListAsync(RoutingOpsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAccountsAsync(cancellationToken)).ToArray());

    private static async Task<IResult> UpsertAsync(JsonElement body, RuleSetProvider rules, RoutingOpsStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var accounts = Parse(body, rules, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The accounts have invalid fields.");

        await store.UpsertAccountsAsync(accounts, "api", cancellationToken);
        return TypedResults.Ok(new { upserted = accounts.Count });
    }

    private static List<AccountEntry> Parse(JsonElement body, RuleSetProvider rules, Dictionary<string, string[]> errors)
    {
        var accounts = new List<AccountEntry>();
        if (body.ValueKind != JsonValueKind.Array)
        {
            errors["$"] = ["the body must be an array of { \"domain\", \"company\", \"owner\" }"];
            return accounts;
        }

        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            var at = $"[{index++}]";
            string? Text(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!.Trim()
                : null;
            var (domain, company, owner) = (Text("domain"), Text("company"), Text("owner"));
            if (string.IsNullOrEmpty(owner) || !rules.Current.Reps.ContainsKey(owner))
                errors[$"{at}.owner"] = [$"must name a rep of the active rule set (got '{owner}')"];
            else if (string.IsNullOrEmpty(domain) && string.IsNullOrEmpty(company))
                errors[at] = ["needs a domain or a company"];
            else if (domain?.Length > MaxDomainLength)
                errors[$"{at}.domain"] = [$"must be at most {MaxDomainLength} characters"];
            else if (company?.Length > MaxCompanyLength)
                errors[$"{at}.company"] = [$"must be at most {MaxCompanyLength} characters"];
            else
                accounts.Add(new AccountEntry(domain, company ?? domain!, rules.Current.Reps[owner].Id));
        }

        return accounts;
    }
}
