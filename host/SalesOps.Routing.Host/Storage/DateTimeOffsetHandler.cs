using System.Data;
using System.Globalization;
using Dapper;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// SQLite has no date type and returns timestamps as text; SQL Server returns them typed. One
/// handler reads both, so row types stay the same for every dialect. Values are written in UTC,
/// which keeps SQLite's text timestamps ordered.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    /// <summary>
    /// Dapper binds the types it knows natively without asking a handler, so its built-in mapping is
    /// removed first; otherwise a timestamp with a local offset would be written as it came.
    /// </summary>
    public static void Register()
    {
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.DateTimeOffset;
        parameter.Value = value.ToUniversalTime();
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
    };
}
