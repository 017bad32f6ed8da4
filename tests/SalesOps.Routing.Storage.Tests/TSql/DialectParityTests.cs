namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>The two dialects offer the same statements and the same migrations, so either can back the service.</summary>
public sealed class DialectParityTests
{
    [Fact]
    public void StatementSets_SqliteAndSqlServer_HaveTheSameKeys()
    {
        var sqlite = DialectSql.StatementSets(DialectSql.Sqlite);
        var sqlServer = DialectSql.StatementSets(DialectSql.SqlServer);

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite.Keys.Order(), sqlServer.Keys.Order());
        foreach (var (set, statements) in sqlite)
        {
            Assert.Equal(Filled(statements), Filled(sqlServer[set]));
            Assert.Equal(statements.Keys.Order(), Filled(statements));
        }
    }

    [Fact]
    public void Migrations_EverySqliteScriptHasASqlServerTwin()
    {
        var sqlite = Migrations.Of(DialectSql.Sqlite).Select(m => m.Name);
        var sqlServer = Migrations.Of(DialectSql.SqlServer).Select(m => m.Name);

        Assert.Equal(sqlite, sqlServer);
    }

    private static IEnumerable<string> Filled(IReadOnlyDictionary<string, string?> statements) =>
        statements.Where(s => !string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key).Order();
}
