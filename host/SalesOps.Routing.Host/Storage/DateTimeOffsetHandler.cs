using System.Data;
using System.Globalization;
using Dapper;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// SQLite has no date type and returns timestamps as text; SQL Server returns them typed. One
/// handler reads both, so row types stay the same for every dialect. Values are written in UTC,
/// which keeps SQLite's text timestamps ordered, and a missing one as a typed NULL, which SQL
/// Server needs to take it into a datetimeoffset column.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.ITypeHandler
{
    /// <summary>
    /// Dapper binds the types it knows natively without asking a handler, so its built-in mapping is
    /// removed first; otherwise a timestamp with a local offset would be written as it came.
    /// Registering for <see cref="DateTimeOffset"/> covers its nullable form too.
    /// </summary>
    public static void Register()
    {
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new DateTimeOffsetHandler());
    }

    public void SetValue(IDbDataParameter parameter, object value)
    {
        parameter.DbType = DbType.DateTimeOffset;
        parameter.Value = value is DateTimeOffset instant ? instant.ToUniversalTime() : DBNull.Value;
    }

    public object? Parse(Type destinationType, object value) => value switch
    {
        DBNull => null,
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
    };
}
