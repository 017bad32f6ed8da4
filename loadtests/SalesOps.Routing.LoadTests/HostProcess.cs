using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// The real host, started as its own process on 127.0.0.1 with a fresh database file, sampled for
/// CPU, CPU waited for (<see cref="RunQueueWait"/>) and resident memory from /proc while the load
/// runs, and stopped with SIGTERM.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private long _maxRssBytes;
    private double _cpuSecondsAtMark;
    private IReadOnlyDictionary<int, long> _runQueueAtMark = new Dictionary<int, long>();
    private DateTimeOffset _markedAt;
    private int _disposed;

    private HostProcess(Process process, Uri baseAddress, string databasePath, TimeSpan startToReady)
    {
        _process = process;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
        StartToReady = startToReady;
        _sampler = SampleAsync(_sampling.Token);
    }

    public Uri BaseAddress { get; }

    public string DatabasePath { get; }

    public TimeSpan StartToReady { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts the host accepting <paramref name="apiKey"/> (by its hash, as in production) with rate limiting off, on
    /// <paramref name="databasePath"/> when given (a restart), else on a fresh database file, with any
    /// <paramref name="hostSettings"/> (<c>Key=Value</c>, e.g. <c>Sla:BatchSize=100</c>) on its command line.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string hostDll, string rulesFolder, string workFolder, string apiKey, string? databasePath,
        IReadOnlyList<string> hostSettings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workFolder);
        var port = FreePort();
        var database = databasePath ?? Path.Combine(workFolder, $"routing-{port}.db");
        var start = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                hostDll, "--urls", $"http://127.0.0.1:{port}", $"--ConnectionStrings:Routing=Data Source={database}",
                $"--Rules:Path={rulesFolder}", "--LoadTest:Baselines=true", "--Serilog:MinimumLevel:Default=Warning",
                "--Auth:ApiKeys:0:Name=load-runner", $"--Auth:ApiKeys:0:KeySha256={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))}",
                "--Auth:ApiKeys:0:Roles:0=ingest", "--Auth:ApiKeys:0:Roles:1=viewer", "--Auth:ApiKeys:0:Roles:2=ops", "--RateLimiting:Enabled=false",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workFolder,
        };
        foreach (var setting in hostSettings)
            info.ArgumentList.Add("--" + setting);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("The host did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[host] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready.");
            try
            {
                if ((await client.GetAsync("/health/ready", cancellationToken)).IsSuccessStatusCode)
                    return new HostProcess(process, address, database, start.Elapsed);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(50, cancellationToken);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The host was not ready within 60 s.");
    }

    /// <summary>Starts a measurement window for CPU use.</summary>
    public void Mark()
    {
        _cpuSecondsAtMark = CpuSeconds();
        _runQueueAtMark = RunQueueWait.Read(_process.Id);
        _markedAt = TimeProvider.System.GetUtcNow();
        Interlocked.Exchange(ref _maxRssBytes, 0);
    }

    /// <summary>CPU used and waited for since <see cref="Mark"/>, in cores, and the peak RSS in MB.</summary>
    public HostUsage Usage()
    {
        var seconds = (TimeProvider.System.GetUtcNow() - _markedAt).TotalSeconds;
        double PerSecond(double total) => seconds > 0 ? total / seconds : 0;
        return new HostUsage(
            PerSecond(CpuSeconds() - _cpuSecondsAtMark),
            PerSecond(RunQueueWait.SecondsSince(_runQueueAtMark, _process.Id)),
            Math.Max(Interlocked.Read(ref _maxRssBytes), RssBytes()) / 1024d / 1024d);
    }

    /// <summary>Stops the host; a second call does nothing, so a scenario may stop it early and still dispose it on every path.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _sampling.CancelAsync();
        await _sampler.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        _sampling.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var rss = RssBytes();
                long seen;
                while (rss > (seen = Interlocked.Read(ref _maxRssBytes)) && Interlocked.CompareExchange(ref _maxRssBytes, rss, seen) != seen)
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long RssBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private double CpuSeconds()
    {
        try
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalSeconds;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
