using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// Runs a scenario against each target, each on a freshly started host with a fresh database (or
/// against a given URL), verifies the real path through the database, and writes the report.
/// </summary>
internal static class LoadRunner
{
    public static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var repository = RepositoryRoot();
        var results = new List<PhaseResult>();
        Verification? verification = null;
        TimeSpan? startToReady = null;
        var hostDll = settings.Url is null ? await BuildHostAsync(repository, cancellationToken) : null;
        // A started host gets a fresh key for this run only; a given URL needs the key its operator gave.
        var apiKey = hostDll is null ? settings.ApiKey : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        if (settings.Scenario == "sla-storm")
        {
            return hostDll is null
                ? throw new ArgumentException("sla-storm seeds and reads the host's database, so it starts the host itself; it cannot run against --url.")
                : await new SlaStorm(settings, repository, hostDll, apiKey).RunAsync(cancellationToken);
        }

        if (settings.ShortSla && hostDll is null)
            throw new ArgumentException("--short-sla starts the host on shortened rules and reads its database; it cannot run against --url.");
        SlaResult? sla = null;

        foreach (var target in settings.Targets)
        {
            var acked = new AckedLeads();
            HostProcess? host = null;
            SlaLagProbe? slaProbe = null;
            string? work = null;
            if (hostDll is not null)
            {
                work = WorkFolder.NewPath();
                var rules = settings.ShortSla ? ShortSlaRules.Create(Path.Combine(repository, "rules"), work) : Path.Combine(repository, "rules");
                host = await HostProcess.StartAsync(hostDll, rules, work, apiKey, null, settings.HostSettings, cancellationToken);
                startToReady ??= host.StartToReady;
                if (settings.ShortSla && target == Target.Routing)
                    slaProbe = SlaLagProbe.Start(host.DatabasePath);
            }

            var baseAddress = host?.BaseAddress ?? settings.Url!;
            using (var client = Client(baseAddress, settings.Connections, apiKey))
            {
                var scenarios = new Scenarios(settings, client, new LeadGenerator(settings.Seed), acked, host);
                foreach (var result in await scenarios.RunAsync(target, cancellationToken))
                {
                    results.Add(result);
                    if (settings.Scenario != "ramp")
                        Console.WriteLine(Report.Line(result));
                }
            }

            slaProbe?.LoadEnded();

            if (host is not null)
            {
                var database = host.DatabasePath;
                if (slaProbe is not null)
                {
                    sla = await slaProbe.FinishAsync(host, cancellationToken);
                    await slaProbe.DisposeAsync();
                    Console.WriteLine($"breach lag (recorded): {sla.BreachLagRecorded}");
                    Console.WriteLine($"breach lag (visible):  {sla.BreachLagVisible}");
                    Console.WriteLine($"SLA verification: {sla.Verification}");
                }

                await host.DisposeAsync();
                if (target == Target.Routing)
                {
                    verification = await Verifier.VerifyAsync(database, acked, cancellationToken);
                    Console.WriteLine($"verification: {verification}");
                }

                WorkFolder.Remove(work!);
            }
        }

        foreach (var line in Report.SummaryLines(results, settings.P99LimitMs))
            Console.WriteLine(line);
        await Report.WriteAsync(settings.OutputFolder, settings, results, verification, startToReady, sla, cancellationToken);
        var failed = verification is { Passed: false } || sla is { Verification.Passed: false } || (settings.Scenario == "smoke" && results.Any(r => r.ErrorCount > 0));
        return failed ? 1 : 0;
    }

    public static HttpClient Client(Uri baseAddress, int maxConnections, string apiKey) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,

        // Neither is part of the API, and both are per-request work on the runner's share of the cores
        // (the redirect layer shows in a CPU profile of the runner); a redirect now counts as an error.
        AllowAutoRedirect = false,
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) },
    };

    private static async Task<string> BuildHostAsync(string repository, CancellationToken cancellationToken)
    {
        var project = Path.Combine(repository, "host", "SalesOps.Routing.Host", "SalesOps.Routing.Host.csproj");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet"]))
            ?? throw new InvalidOperationException("dotnet build did not start.");
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0)
            throw new InvalidOperationException("Building the host failed.");
        return Path.Combine(repository, "host", "SalesOps.Routing.Host", "bin", "Release", "net10.0", "SalesOps.Routing.Host.dll");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SalesOps.Routing.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("Run from inside the repository (SalesOps.Routing.sln not found above the current folder).");
    }
}
