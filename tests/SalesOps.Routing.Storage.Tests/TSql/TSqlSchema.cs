using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>
/// The tables and columns that a series of T-SQL migrations creates, read from their syntax trees
/// (CREATE TABLE and ALTER TABLE ... ADD), with the problems found on the way: an index, a key or
/// an ALTER that names a table or column no earlier script created, and a DROP INDEX of an index
/// no earlier script created (or one already dropped).
/// </summary>
internal sealed class TSqlSchema
{
    // Catalog views the service reads besides its own tables, with the columns of theirs it may use,
    // as SQL Server's documentation names them; no migration creates these.
    private static readonly Dictionary<string, HashSet<string>> CatalogViews = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sys.databases"] = new(StringComparer.OrdinalIgnoreCase)
        {
            "database_id", "name", "snapshot_isolation_state", "snapshot_isolation_state_desc", "is_read_committed_snapshot_on",
        },
    };

    private readonly Dictionary<string, HashSet<string>> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _problems = [];

    // Per table, the indexes CREATE INDEX made and no DROP INDEX has removed yet.
    private readonly Dictionary<string, HashSet<string>> _indexes = new(StringComparer.OrdinalIgnoreCase);

    public static TSqlSchema From(IEnumerable<SqlText> migrations)
    {
        var schema = new TSqlSchema();
        foreach (var migration in migrations)
            TSqlParsing.ParseOrThrow(migration).Accept(new Reader(schema, migration.Name));
        return schema;
    }

    public IReadOnlyList<string> Problems => _problems;

    public IEnumerable<string> Tables => _tables.Keys;

    /// <summary>The table's columns; null when no migration creates the table and it is no known catalog view.</summary>
    public IReadOnlySet<string>? ColumnsOf(string table) => _tables.GetValueOrDefault(table) ?? CatalogViews.GetValueOrDefault(table);

    /// <summary>"dbo.leads" for <c>leads</c>, <c>dbo.leads</c> or <c>[dbo].[leads]</c>: unqualified names resolve to dbo.</summary>
    public static string TableKey(SchemaObjectName name) => $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}";

    private sealed class Reader(TSqlSchema schema, string script) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(CreateTableStatement node)
        {
            var table = TableKey(node.SchemaObjectName);
            if (!schema._tables.TryAdd(table, new HashSet<string>(StringComparer.OrdinalIgnoreCase)))
                schema._problems.Add($"{script}: table {table} is created twice");
            foreach (var column in node.Definition.ColumnDefinitions)
                schema._tables[table].Add(column.ColumnIdentifier.Value);
            foreach (var constraint in node.Definition.TableConstraints)
                CheckConstraint(table, constraint);
        }

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            var table = TableKey(node.SchemaObjectName);
            if (!schema._tables.TryGetValue(table, out var columns))
            {
                schema._problems.Add($"{script}: ALTER TABLE names {table}, which no earlier migration creates");
                return;
            }

            foreach (var column in node.Definition.ColumnDefinitions)
                columns.Add(column.ColumnIdentifier.Value);
            foreach (var constraint in node.Definition.TableConstraints)
                CheckConstraint(table, constraint);
        }

        public override void ExplicitVisit(CreateIndexStatement node)
        {
            var table = TableKey(node.OnName);
            var columns = node.Columns.Select(c => c.Column).Concat(node.IncludeColumns);
            if (node.FilterPredicate is not null)
                columns = columns.Concat(ColumnsIn(node.FilterPredicate));
            Check(table, $"index {node.Name.Value}", columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value));
            if (!IndexesOf(table).Add(node.Name.Value))
                schema._problems.Add($"{script}: index {node.Name.Value} on {table} is created twice");
        }

        public override void ExplicitVisit(DropIndexStatement node)
        {
            foreach (var clause in node.DropIndexClauses)
            {
                var (table, index) = clause switch
                {
                    DropIndexClause modern => (TableKey(modern.Object), modern.Index.Value),
                    // dbo.t.ix: the table is the name without its last part.
                    BackwardsCompatibleDropIndexClause old => (TableKey(old.Index), old.Index.ChildIdentifier.Value),
                    _ => throw new NotSupportedException($"{script}: a DROP INDEX clause of type {clause.GetType().Name}"),
                };
                if (!IndexesOf(table).Remove(index))
                    schema._problems.Add($"{script}: DROP INDEX names index {index} on {table}, which no earlier migration creates");
            }
        }

        private HashSet<string> IndexesOf(string table)
        {
            if (!schema._indexes.TryGetValue(table, out var indexes))
                schema._indexes[table] = indexes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return indexes;
        }

        private void CheckConstraint(string table, ConstraintDefinition constraint)
        {
            var name = constraint.ConstraintIdentifier?.Value ?? "constraint";
            switch (constraint)
            {
                case UniqueConstraintDefinition unique:
                    Check(table, name, unique.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value));
                    break;
                case ForeignKeyConstraintDefinition foreign:
                    Check(table, name, foreign.Columns.Select(c => c.Value));
                    Check(TableKey(foreign.ReferenceTableName), name, foreign.ReferencedTableColumns.Select(c => c.Value));
                    break;
            }
        }

        private void Check(string table, string what, IEnumerable<string> columns)
        {
            if (!schema._tables.TryGetValue(table, out var known))
            {
                schema._problems.Add($"{script}: {what} names table {table}, which no migration so far creates");
                return;
            }

            foreach (var column in columns.Where(c => !known.Contains(c)))
                schema._problems.Add($"{script}: {what} names column {table}.{column}, which does not exist");
        }

        private static List<ColumnReferenceExpression> ColumnsIn(TSqlFragment fragment)
        {
            var collector = new ColumnCollector();
            fragment.Accept(collector);
            return collector.Columns;
        }
    }

    private sealed class ColumnCollector : TSqlFragmentVisitor
    {
        public List<ColumnReferenceExpression> Columns { get; } = [];

        public override void Visit(ColumnReferenceExpression node) => Columns.Add(node);
    }
}
