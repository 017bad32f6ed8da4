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
        var lines = new LineMap(bytes);
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
                found.TryAdd(reader.GetString()!, lines.PositionOf((int)reader.TokenStartIndex));
            takeNext = false;
        }

        return found;
    }

    /// <summary>
    /// Maps the JSON Pointer of every value in a syntactically valid document to its position: the
    /// property name for an object member, the value itself for an array item. A property that
    /// occurs twice in one object is listed in <paramref name="duplicates"/>, because every
    /// reader silently keeps only one of the two.
    /// </summary>
    public static Dictionary<string, (int Line, int Column)> IndexPointers(string content, List<(string Pointer, int Line, int Column)> duplicates)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        var found = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var containers = new Stack<(string Pointer, int NextIndex)>();
        string? member = null;
        while (reader.Read())
        {
            var position = lines.PositionOf((int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = containers.Peek().Pointer + "/" + Escape(reader.GetString()!);
                    if (!found.TryAdd(member, position))
                        duplicates.Add((member, position.Line, position.Column));
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    continue;
            }

            var pointer = ValuePointer(containers, member, position, found);
            member = null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                containers.Push((pointer, 0));
        }

        return found;
    }

    private static string ValuePointer(Stack<(string Pointer, int NextIndex)> containers, string? member, (int, int) position,
        Dictionary<string, (int, int)> found)
    {
        if (member is not null)
            return member;
        if (containers.Count == 0)
        {
            found.TryAdd("", position);
            return "";
        }

        var (parent, index) = containers.Pop();
        containers.Push((parent, index + 1));
        var pointer = parent + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        found.TryAdd(pointer, position);
        return pointer;
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Turns byte offsets into 1-based line and character column without rescanning the file each time.</summary>
    private sealed class LineMap
    {
        private readonly byte[] _bytes;
        private readonly List<int> _lineStarts = [0];

        public LineMap(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                    _lineStarts.Add(i + 1);
            }
        }

        public (int Line, int Column) PositionOf(int offset)
        {
            var index = _lineStarts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            var start = _lineStarts[line];
            return (line + 1, Encoding.UTF8.GetCharCount(_bytes, start, offset - start) + 1);
        }
    }
}
