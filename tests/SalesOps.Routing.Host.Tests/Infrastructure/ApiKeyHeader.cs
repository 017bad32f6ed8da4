namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>How a test client sends its key.</summary>
public enum ApiKeyHeader
{
    Bearer,
    XApiKey,
}
