using System.Data.Common;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Opens connections to the routing database, configured for this service's needs.</summary>
internal interface IConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
