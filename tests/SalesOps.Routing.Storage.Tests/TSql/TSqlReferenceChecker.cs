using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>
/// Walks the syntax tree of a query and reports every table, and every column, that the schema the
/// migrations build does not have. Each DML statement is one scope: its tables (with their
/// aliases, and <c>inserted</c>/<c>deleted</c> for its target) are what its column names may refer to.
/// </summary>
internal static class TSqlReferenceChecker
{
    public static IReadOnlyList<string> Check(SqlText sql, TSqlSchema schema)
    {
        var problems = new List<string>();
        var statements = new StatementCollector();
        TSqlParsing.ParseOrThrow(sql).Accept(statements);
        foreach (var statement in statements.Found)
            CheckStatement(sql.Name, statement, schema, problems);
        return problems;
    }

    private static void CheckStatement(string name, TSqlStatement statement, TSqlSchema schema, List<string> problems)
    {
        var references = new ReferenceCollector();
        statement.Accept(references);

        var scope = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in references.Tables)
        {
            var key = TSqlSchema.TableKey(table.SchemaObject);
            if (schema.ColumnsOf(key) is null)
            {
                problems.Add($"{name}: table {key} is not created by any migration");
                continue;
            }

            scope[table.Alias?.Value ?? table.SchemaObject.BaseIdentifier.Value] = key;
            scope.TryAdd(key, key);
        }

        if (Target(statement) is { } target && schema.ColumnsOf(TSqlSchema.TableKey(target.SchemaObject)) is not null)
        {
            var key = TSqlSchema.TableKey(target.SchemaObject);
            scope["inserted"] = key;
            scope["deleted"] = key;
            if (statement is InsertStatement insert)
                CheckColumns(name, key, insert.InsertSpecification.Columns, schema, problems);
        }

        foreach (var column in references.Columns.Where(c => c.ColumnType is ColumnType.Regular or ColumnType.Wildcard))
        {
            var parts = column.MultiPartIdentifier?.Identifiers ?? [];
            if (parts.Count == 0)
                continue;
            var isWildcard = column.ColumnType == ColumnType.Wildcard;
            var qualifier = isWildcard ? parts[^1].Value : parts.Count > 1 ? parts[^2].Value : null;
            var columnName = isWildcard ? null : parts[^1].Value;

            if (qualifier is not null)
            {
                if (references.OpenJsonAliases.TryGetValue(qualifier, out var declared))
                {
                    if (columnName is not null && !declared.Contains(columnName))
                        problems.Add($"{name}: column {columnName} is not declared by OPENJSON alias {qualifier}");
                }
                else if (!scope.TryGetValue(qualifier, out var table))
                    problems.Add($"{name}: '{qualifier}' is neither a table nor an alias of this statement");
                else if (columnName is not null && !schema.ColumnsOf(table)!.Contains(columnName))
                    problems.Add($"{name}: column {table}.{columnName} does not exist");
            }
            else if (columnName is not null
                && !scope.Values.Any(t => schema.ColumnsOf(t)!.Contains(columnName))
                && !references.OutputAliases.Contains(columnName)
                && !references.OpenJsonColumns.Contains(columnName))
            {
                problems.Add($"{name}: column {columnName} is in none of {string.Join(", ", scope.Values.Distinct())}");
            }
        }
    }

    private static void CheckColumns(string name, string table, IEnumerable<ColumnReferenceExpression> columns, TSqlSchema schema, List<string> problems)
    {
        foreach (var column in columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value).Where(c => !schema.ColumnsOf(table)!.Contains(c)))
            problems.Add($"{name}: INSERT names column {table}.{column}, which does not exist");
    }

    private static NamedTableReference? Target(TSqlStatement statement) => statement switch
    {
        InsertStatement s => s.InsertSpecification.Target as NamedTableReference,
        UpdateStatement s => s.UpdateSpecification.Target as NamedTableReference,
        DeleteStatement s => s.DeleteSpecification.Target as NamedTableReference,
        MergeStatement s => s.MergeSpecification.Target as NamedTableReference,
        _ => null,
    };

    /// <summary>The DML statements of a script, wherever they are nested (an IF, a block).</summary>
    private sealed class StatementCollector : TSqlFragmentVisitor
    {
        public List<TSqlStatement> Found { get; } = [];

        public override void Visit(SelectStatement node) => Found.Add(node);

        public override void Visit(InsertStatement node) => Found.Add(node);

        public override void Visit(UpdateStatement node) => Found.Add(node);

        public override void Visit(DeleteStatement node) => Found.Add(node);

        public override void Visit(MergeStatement node) => Found.Add(node);
    }

    private sealed class ReferenceCollector : TSqlFragmentVisitor
    {
        public List<NamedTableReference> Tables { get; } = [];

        public List<ColumnReferenceExpression> Columns { get; } = [];

        /// <summary>Names the select list gives its columns, which ORDER BY may use.</summary>
        public HashSet<string> OutputAliases { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(NamedTableReference node)
        {
            if (!node.SchemaObject.BaseIdentifier.Value.StartsWith('#'))
                Tables.Add(node);
        }

        public override void Visit(ColumnReferenceExpression node) => Columns.Add(node);

        /// <summary>Columns an <c>OPENJSON(...) WITH (...)</c> declares, which the statement may name like a table's.</summary>
        public HashSet<string> OpenJsonColumns { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The columns each aliased <c>OPENJSON(...) WITH (...)</c> declares, by alias.</summary>
        public Dictionary<string, HashSet<string>> OpenJsonAliases { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(OpenJsonTableReference node)
        {
            var declared = node.SchemaDeclarationItems.Select(item => item.ColumnDefinition.ColumnIdentifier.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            OpenJsonColumns.UnionWith(declared);
            if (node.Alias?.Value is { } alias)
                OpenJsonAliases[alias] = declared;
        }

        public override void Visit(SelectScalarExpression node)
        {
            if (node.ColumnName?.Value is { } alias)
                OutputAliases.Add(alias);
        }
    }
}
