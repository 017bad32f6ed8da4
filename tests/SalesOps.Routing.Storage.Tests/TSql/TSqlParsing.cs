using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>Parses T-SQL with the SQL Server 2022 grammar and reports errors as name:line:column.</summary>
internal static class TSqlParsing
{
    public static TSqlFragment Parse(SqlText sql, out IReadOnlyList<string> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql.Text);
        var fragment = parser.Parse(reader, out var parseErrors);
        errors = [.. parseErrors.Select(e => $"{sql.Name}:{e.Line}:{e.Column}: {e.Message}")];
        return fragment;
    }

    public static TSqlFragment ParseOrThrow(SqlText sql)
    {
        var fragment = Parse(sql, out var errors);
        return errors.Count == 0 ? fragment : throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
    }
}
