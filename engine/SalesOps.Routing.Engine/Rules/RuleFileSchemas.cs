using System.Collections.Frozen;
using System.Text.Json;
using Json.Schema;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Checks rule files against the JSON Schemas in <c>rules/schema/</c>, the same files editors use
/// through each file's <c>$schema</c>. A file <c>x.json</c> is checked against <c>x.schema.json</c>
/// when the engine was built with one, so a new kind of rule file is covered by adding its schema.
/// </summary>
internal static class RuleFileSchemas
{
    private const string ResourcePrefix = "SalesOps.Routing.Engine.Schemas.";
    private const string SchemaSuffix = ".schema.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    private static readonly FrozenDictionary<string, (JsonSchema Schema, JsonDocument Text)> Schemas = Load();

    /// <summary>The rule files that have a schema.</summary>
    public static IEnumerable<string> Files => Schemas.Keys;

    /// <summary>
    /// Checks JSON syntax and schema of every known file present; returns the files that failed, so
    /// that their content is not interpreted further and the same mistake is not reported twice.
    /// </summary>
    public static HashSet<string> Validate(IReadOnlyDictionary<string, string> files, List<RuleSetError> errors)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in RuleFiles.Required.Where(n => files.ContainsKey(n) && Schemas.ContainsKey(n)))
        {
            var before = errors.Count;
            Validate(name, files[name], errors);
            if (errors.Count > before)
                failed.Add(name);
        }

        return failed;
    }

    private static void Validate(string fileName, string content, List<RuleSetError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, DocumentOptions);
        }
        catch (JsonException ex)
        {
            errors.Add(new RuleSetError(fileName, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, WithoutPosition(ex.Message)));
            return;
        }

        using (document)
        {
            var duplicates = new List<(string Pointer, int Line, int Column)>();
            var positions = JsonPositions.IndexPointers(content, duplicates);
            foreach (var (pointer, line, column) in duplicates)
                errors.Add(new RuleSetError(fileName, line, column, $"{SchemaMessages.Describe(document.RootElement, pointer)}: is given twice; keep one"));

            var (schema, schemaText) = Schemas[fileName];
            var results = schema.Evaluate(document.RootElement, Evaluation);
            if (results.IsValid)
                return;
            foreach (var (pointer, message) in SchemaMessages.Explain(results, document.RootElement, schemaText.RootElement))
            {
                var (line, column) = positions.TryGetValue(pointer, out var p) ? p : (1, 1);
                errors.Add(new RuleSetError(fileName, line, column, message));
            }
        }
    }

    // The reader's message repeats the position (0-based) that the error already gives (1-based).
    private static string WithoutPosition(string message)
    {
        foreach (var marker in (string[])[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
                message = message[..cut];
        }

        return message;
    }

    private static FrozenDictionary<string, (JsonSchema, JsonDocument)> Load()
    {
        var assembly = typeof(RuleFileSchemas).Assembly;
        var schemas = new Dictionary<string, (JsonSchema, JsonDocument)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            var schemaFile = resource[ResourcePrefix.Length..];
            var ruleFile = schemaFile[..^SchemaSuffix.Length] + ".json";
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            schemas[ruleFile] = (JsonSchema.FromText(text, options, new Uri($"https://salesops-routing.invalid/schema/{schemaFile}")), JsonDocument.Parse(text));
        }

        return schemas.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
