namespace SalesOps.Routing.Host.Security;

/// <summary>
/// What an API key may do. Each role is also the name of the authorization policy that endpoints
/// require, so an endpoint says <c>.RequireAuthorization(ApiRoles.Ops)</c>.
/// </summary>
internal static class ApiRoles
{
    /// <summary>Post leads: the marketing systems.</summary>
    public const string Ingest = "ingest";

    /// <summary>Every write that is not ingest (reps, accounts, reassignment, lead status, rules). Implies <see cref="Viewer"/>.</summary>
    public const string Ops = "ops";

    /// <summary>Every read: leads, teams, reps, accounts, dashboard.</summary>
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Ingest, Ops, Viewer];
}
