using System.Text;
using System.Text.Json;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// Line and column of every property and value in a JSON file by path (<c>policies[0].calendar</c>),
/// so that an error found after parsing can still point at the exact place in the file.
/// </summary>
internal sealed class JsonPathPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private JsonPathPositions()
    {
    }

    public static JsonPathPositions Index(string content)
    {
        var index = new JsonPathPositions();
        var bytes = Encoding.UTF8.GetBytes(content);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, JsonPositions.ReaderOptions);
        var path = new Stack<(string Prefix, int NextIndex, bool IsArray)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                var position = PositionOf(bytes, lineStarts, (int)reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        index._positions.TryAdd(Join(path, property), position);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Pop();
                        continue;
                }

                var here = path.Count == 0 ? "" : path.Peek().IsArray ? NextElement(path) : Join(path, property);
                index._positions[here] = position;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    path.Push((here, 0, reader.TokenType == JsonTokenType.StartArray));
            }
        }
        catch (JsonException)
        {
            // Syntax errors are reported by the parser with their own position; a partial index is enough here.
        }

        return index;
    }

    /// <summary>The position of the value at <paramref name="path"/>, else of its nearest ancestor, else 1:1.</summary>
    public (int Line, int Column) Of(string path)
    {
        while (true)
        {
            if (_positions.TryGetValue(path, out var position))
                return position;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
                return _positions.GetValueOrDefault("", (1, 1));
            path = path[..cut];
        }
    }

    private static string Join(Stack<(string Prefix, int NextIndex, bool IsArray)> path, string? property) =>
        path.Count == 0 || path.Peek().Prefix.Length == 0 ? property ?? "" : $"{path.Peek().Prefix}.{property}";

    private static string NextElement(Stack<(string Prefix, int NextIndex, bool IsArray)> path)
    {
        var (prefix, next, isArray) = path.Pop();
        path.Push((prefix, next + 1, isArray));
        return $"{prefix}[{next}]";
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                starts.Add(i + 1);
        }

        return starts;
    }

    private static (int Line, int Column) PositionOf(byte[] bytes, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
            line = ~line - 1;
        return (line + 1, Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1);
    }
}
