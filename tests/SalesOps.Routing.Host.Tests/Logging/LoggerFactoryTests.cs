using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Logging;

public sealed class LoggerFactoryTests
{
    [Fact]
    public async Task HostsLoggerFactory_GivesOneLoggerPerCategory_ThatStillWritesToTheHostsLog()
    {
        var log = new CapturedLog();
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(LoggerFactoryTests)), logSink: log);
        host.Start();
        var factory = host.Services.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("SalesOps.Routing.Probe");
        var again = factory.CreateLogger("SalesOps.Routing.Probe");
        first.LogWarning("Probe {Number}", 7);

        // The handler made for each request asks for its logger by the same name every time.
        Assert.Same(first, again);
        Assert.NotSame(first, factory.CreateLogger("SalesOps.Routing.Other"));
        Assert.Contains(log.Events, e => e.MessageTemplate.Text == "Probe {Number}"
            && e.Properties["SourceContext"].ToString() == "\"SalesOps.Routing.Probe\"" && e.Properties["Number"].ToString() == "7");
    }
}
