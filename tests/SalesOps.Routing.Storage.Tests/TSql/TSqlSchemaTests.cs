namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>Every table and column the T-SQL statements name is one the T-SQL migrations create.</summary>
public sealed class TSqlSchemaTests
{
    private static readonly TSqlSchema SqlServerSchema = TSqlSchema.From(Migrations.Of(DialectSql.SqlServer));

    public static TheoryData<string> SqlServerStatements() => [.. DialectSql.All(DialectSql.SqlServer).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SqlServerStatements))]
    public void Statement_NamesOnlyTablesAndColumnsTheMigrationsCreate(string name)
    {
        var statement = DialectSql.All(DialectSql.SqlServer).Single(s => s.Name == name);

        var problems = TSqlReferenceChecker.Check(statement, SqlServerSchema);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Migrations_IndexesAndKeysNameExistingColumns()
    {
        Assert.True(SqlServerSchema.Problems.Count == 0, string.Join(Environment.NewLine, SqlServerSchema.Problems));
        Assert.Contains("dbo.leads", SqlServerSchema.Tables, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("SELECT l.nope FROM dbo.leads AS l", "column dbo.leads.nope does not exist")]
    [InlineData("SELECT id FROM dbo.lead_typo", "table dbo.lead_typo is not created by any migration")]
    [InlineData("INSERT INTO dbo.rotation (team_id, last_rep, updated_at) VALUES (@A, @B, @C)", "INSERT names column dbo.rotation.last_rep")]
    [InlineData("UPDATE dbo.rotation SET last_rep = @B WHERE team_id = @A", "column last_rep is in none of dbo.rotation")]
    [InlineData("SELECT x.id FROM dbo.leads AS l", "'x' is neither a table nor an alias")]
    [InlineData("SELECT id FROM dbo.leads WHERE email IN (SELECT x FROM OPENJSON(@E) WITH (k nvarchar(320) '$') AS keys)", "column x is in none of dbo.leads")]
    [InlineData("SELECT l.id FROM dbo.leads AS l JOIN dbo.decisions AS d ON d.id = l.id", "column dbo.decisions.id does not exist")]
    [InlineData("SELECT l.id FROM OPENJSON(@K) WITH (source nvarchar(200) '$[0]') AS k JOIN dbo.leads AS l ON l.source = k.sauce", "column sauce is not declared by OPENJSON alias k")]
    public void Check_NameTheMigrationsLack_IsReported(string sql, string expected)
    {
        var problems = TSqlReferenceChecker.Check(new SqlText("Probe", sql), SqlServerSchema);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_IndexOnMissingColumn_IsReported()
    {
        var schema = TSqlSchema.From([new SqlText("0001_t.sql", "CREATE TABLE dbo.t (id int NOT NULL); CREATE INDEX ix_t_name ON dbo.t (name);")]);

        Assert.Contains(schema.Problems, p => p.Contains("index ix_t_name names column dbo.t.name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DROP INDEX ix_t_nope ON dbo.t;", "DROP INDEX names index ix_t_nope on dbo.t")]
    [InlineData("DROP INDEX ix_t_id ON dbo.other;", "DROP INDEX names index ix_t_id on dbo.other")]
    [InlineData("DROP INDEX ix_t_id ON dbo.t; DROP INDEX ix_t_id ON dbo.t;", "DROP INDEX names index ix_t_id on dbo.t")]
    [InlineData("DROP INDEX dbo.t.ix_t_nope;", "DROP INDEX names index ix_t_nope on dbo.t")]
    public void Check_DropOfAnIndexNoMigrationCreated_IsReported(string drop, string expected)
    {
        var schema = TSqlSchema.From(
        [
            new SqlText("0001_t.sql", "CREATE TABLE dbo.t (id int NOT NULL); CREATE TABLE dbo.other (id int NOT NULL); CREATE INDEX ix_t_id ON dbo.t (id);"),
            new SqlText("0002_drop.sql", drop),
        ]);

        Assert.Contains(schema.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DropOfAnIndexAnEarlierMigrationCreated_IsNoProblem()
    {
        var schema = TSqlSchema.From(
        [
            new SqlText("0001_t.sql", "CREATE TABLE dbo.t (id int NOT NULL); CREATE INDEX ix_t_id ON dbo.t (id);"),
            new SqlText("0002_drop.sql", "DROP INDEX ix_t_id ON dbo.t;"),
        ]);

        Assert.Empty(schema.Problems);
    }
}
