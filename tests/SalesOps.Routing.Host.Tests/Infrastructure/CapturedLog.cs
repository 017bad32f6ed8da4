using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>A Serilog sink that keeps every event the host writes, rendered as the JSON a log shipper would get.</summary>
internal sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private readonly JsonFormatter _formatter = new(renderMessage: true, formatProvider: System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Every event as one JSON line: message, rendered text, properties and exception.</summary>
    public string Text()
    {
        using var writer = new StringWriter();
        foreach (var logEvent in _events)
            _formatter.Format(logEvent, writer);
        return writer.ToString();
    }
}
