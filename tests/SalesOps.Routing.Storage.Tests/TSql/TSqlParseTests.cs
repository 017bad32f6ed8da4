namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>No SQL Server runs here, so every T-SQL text the service can send is at least proven to parse.</summary>
public sealed class TSqlParseTests
{
    public static TheoryData<string> SqlServerMigrations() => [.. Migrations.Of(DialectSql.SqlServer).Select(m => m.Name)];

    public static TheoryData<string> SqlServerStatements() => [.. DialectSql.All(DialectSql.SqlServer).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SqlServerMigrations))]
    public void Migration_ParsesAsTSql(string name)
    {
        var migration = Migrations.Of(DialectSql.SqlServer).Single(m => m.Name == name);

        TSqlParsing.Parse(migration, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(SqlServerStatements))]
    public void Statement_ParsesAsTSql(string name)
    {
        var statement = DialectSql.All(DialectSql.SqlServer).Single(s => s.Name == name);

        TSqlParsing.Parse(statement, out var errors);

        Assert.False(string.IsNullOrWhiteSpace(statement.Text), $"{statement.Name} is empty");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void SqlServerDialect_HasMigrationsAndStatementsToCheck()
    {
        Assert.NotEmpty(Migrations.Of(DialectSql.SqlServer));
        Assert.Contains(DialectSql.All(DialectSql.SqlServer), s => s.Name == "SqlServerLeadSql.InsertLead");
    }

    [Fact]
    public void Parse_SyntaxError_ReportsNameLineAndColumn()
    {
        var broken = new SqlText("Broken.Statement", "SELECT id\nFROM dbo.leads\nWHERE source = = @Source");

        TSqlParsing.Parse(broken, out var errors);

        var error = Assert.Single(errors);
        Assert.StartsWith("Broken.Statement:3:", error, StringComparison.Ordinal);
    }
}
