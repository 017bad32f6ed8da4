using System.Text;
using System.Text.Json;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Finds where things stand in a JSON file so that an error about a rule can name its line and
/// column, which System.Text.Json only reports for syntax errors.
/// </summary>
internal static class JsonPositions
{
    internal static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Maps each string value of <paramref name="propertyName"/> to the position of its first occurrence.</summary>
    public static Dictionary<string, (int Line, int Column)> IndexValues(string content, string propertyName)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        var found = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var takeNext = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                takeNext = string.Equals(reader.GetString(), propertyName, StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (takeNext && reader.TokenType == JsonTokenType.String)
                found.TryAdd(reader.GetString()!, PositionOf(bytes, (int)reader.TokenStartIndex));
            takeNext = false;
        }

        return found;
    }

    private static (int Line, int Column) PositionOf(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1);
    }
}
