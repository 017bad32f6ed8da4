using System.Collections.Concurrent;
using System.Data;
using Dapper;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Dapper's parameters for one row, named as the statement names them (<c>@Id</c>, not <c>Id</c>).
/// Dapper names a parameter after its property; Microsoft.Data.Sqlite then looks the bare name up
/// in the statement and, not finding it, tries it with each of the three prefixes, all of them to
/// rule out an ambiguity, at every execution: on the writer's inserts (26 parameters for a clock
/// row) about a sixth of the writer's time. With the prefix, one lookup finds each. SQL Server's
/// client takes either form. Values are bound by Dapper's own generated code for the row's type
/// (type handlers included), cached as Dapper caches it; <paramref name="more"/> adds the columns
/// the row type does not carry, and must not repeat one of its names.
/// </summary>
internal sealed class PrefixedParameters(object row, object? more = null) : SqlMapper.IDynamicParameters
{
    private static readonly ConcurrentDictionary<SqlMapper.Identity, Action<IDbCommand, object>> Binders = new();
    private static readonly ConcurrentDictionary<string, string> Prefixed = new(StringComparer.Ordinal);

    public void AddParameters(IDbCommand command, SqlMapper.Identity identity)
    {
        var first = command.Parameters.Count;
        Bind(command, identity, row);
        if (more is not null)
            Bind(command, identity, more);
        for (var i = first; i < command.Parameters.Count; i++)
        {
            var parameter = (IDbDataParameter)command.Parameters[i]!;
            parameter.ParameterName = Prefixed.GetOrAdd(parameter.ParameterName, static name => "@" + name);
        }
    }

    private static void Bind(IDbCommand command, SqlMapper.Identity identity, object values) =>
        Binders.GetOrAdd(identity.ForDynamicParameters(values.GetType()),
            static key => SqlMapper.CreateParamInfoGenerator(key, checkForDuplicates: false, removeUnused: true))(command, values);
}
