namespace SalesOps.Routing.Host.Storage;

/// <summary>The database could not be reached or was busy past the configured wait; the caller may retry.</summary>
internal sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
