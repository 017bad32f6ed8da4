namespace SalesOps.Routing.Host.Baselines;

internal sealed class BaselineOptions
{
    public const string Section = "LoadTest";

    /// <summary>Maps the /baseline endpoints the load runner compares the real path against. Off in production.</summary>
    public bool Baselines { get; set; }
}
