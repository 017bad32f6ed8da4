using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Host.Leads;

/// <summary>
/// Serializers generated at compile time for what every posted lead writes: its answer and its
/// decision trace. They write without reflection-built metadata, which is cheaper on the ingest
/// path (see the lead JSON benchmarks); the JSON they write is the same.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LeadResponse))]
[JsonSerializable(typeof(IReadOnlyList<TraceEntry>))]
[JsonSerializable(typeof(List<TraceEntry>))]
internal sealed partial class LeadJsonContext : JsonSerializerContext
{
    /// <summary>Web defaults, these generated serializers first, reflection for any other type.</summary>
    public static JsonSerializerOptions WebOptions() =>
        new(JsonSerializerDefaults.Web) { TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()) };
}
