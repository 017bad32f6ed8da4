namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>A piece of SQL the service can run, named after where it lives in the code.</summary>
internal sealed record SqlText(string Name, string Text)
{
    public override string ToString() => Name;
}
