using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>
/// The real host as its own process (<c>dotnet SalesOps.Routing.Host.dll</c>, the build the tests
/// reference) on 127.0.0.1, in Production, with the <see cref="TestKeys"/>. Tests stop it the way
/// the world does: SIGTERM from an orchestrator, SIGKILL from the OOM killer or a power cut.
/// <para>
/// Each process also accepts a key of its own, which <see cref="CreateClient"/> sends. Once a process
/// has stopped its port is free, and a host another test starts meanwhile can listen on it: a client
/// still posting would otherwise be answered, and its lead stored, by that host. With this key that
/// host answers 401.
/// </para>
/// </summary>
internal sealed class RoutingProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly string _ownKey;

    private RoutingProcess(Process process, Uri address, string ownKey)
    {
        _process = process;
        Address = address;
        _ownKey = ownKey;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the host wrote to stdout and stderr, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join(Environment.NewLine, _output.TakeLast(40));
        }
    }

    public static async Task<RoutingProcess> StartAsync(string databasePath, params string[] settings)
    {
        var host = Launch(databasePath, settings);
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>Starts the process without waiting for it to be ready, to catch it in the middle of starting.</summary>
    public static RoutingProcess Launch(string databasePath, params string[] settings)
    {
        var port = FreePort();
        var ownKey = $"test-key-process-{Guid.NewGuid():N}";
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        foreach (var argument in (string[])
            [
                Path.Combine(AppContext.BaseDirectory, "SalesOps.Routing.Host.dll"), "--urls", $"http://127.0.0.1:{port}",
                $"--ConnectionStrings:Routing=Data Source={databasePath}", $"--Rules:Path={RoutingHost.SampleRulesFolder}",
                "--Serilog:MinimumLevel:Default=Warning", "--RateLimiting:Enabled=false",
                .. TestKeys.Settings([.. TestKeys.All, ("this-process", ownKey, ["ingest", "ops", "viewer"])]).Select(s => $"--{s.Key}={s.Value}"),
                .. settings,
            ])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var host = new RoutingProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), new Uri($"http://127.0.0.1:{port}"), ownKey);
        host._process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>A client with every role, by the key only this process accepts.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _ownKey);
        return client;
    }

    /// <summary>SIGTERM: the orchestrator asks the host to stop.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: the process is gone at once, mid-write or not.</summary>
    public void Kill() => _process.Kill();

    /// <summary>The exit code, or throws when the host has not exited within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(bound.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(50);
        }

        _process.Kill();
        throw new TimeoutException($"The host was not ready within 60 s:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Add(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
