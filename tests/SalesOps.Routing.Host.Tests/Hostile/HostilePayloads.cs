using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace SalesOps.Routing.Host.Tests.Hostile;

/// <summary>
/// Generates request bodies for POST /api/leads: raw bytes, because much of what arrives in
/// production is not JSON a serializer would write (truncated, invalid UTF-8, duplicate keys,
/// numbers no type holds). About half are well-formed leads with hostile text, so the write path
/// is exercised as hard as the validation path.
/// </summary>
internal static class HostilePayloads
{
    private static readonly string[] Fields =
    [
        "externalId", "source", "email", "firstName", "lastName", "title", "phone", "company", "website", "country",
        "state", "postalCode", "city", "industry", "employees", "annualRevenue", "leadSource", "campaign", "attributes",
    ];

    private static readonly Gen<string> Text = Gen.Frequency(
        (5, Gen.OneOf([.. HostileText.Samples.Select(Gen.Const)])),
        (3, Gen.Char.Array[0, 24].Select(chars => new string(chars))),
        (2, Gen.Char['\0', '\u001f'].Array[1, 8].Select(chars => new string(chars))),
        (1, Gen.Int[1_990, 2_010].Select(n => new string('x', n))),
        (1, Gen.Int[0, 30].Select(n => n == 0 ? new string('y', 70_000) : "short")));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Int[20, 400].Select(n => "9" + new string('9', n)),
        Gen.OneOf(Gen.Const("1e999"), Gen.Const("-1e999"), Gen.Const("1e-999"), Gen.Const("-0"), Gen.Const("0.000000000000000000000000000001")));

    // Escapes a serializer would never write: lone surrogates, NUL, an escaped quote at the end.
    private static readonly Gen<string> RawEscapes = Gen.OneOf(
        Gen.Const("\"\\ud800\""), Gen.Const("\"x\\udc00y\""), Gen.Const("\"\\u0000\""), Gen.Const("\"\\\\\\\"\""), Gen.Const("\"\\uDBFF\\uDFFF\""));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (12, Text.Select(Quote)),
        (4, Number),
        (1, RawEscapes),
        (2, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null"))));

    private static readonly Gen<string> DeepNesting = Gen.Int[10, 120].Select(n => new string('[', n) + "1" + new string(']', n));

    private static readonly Gen<string> ExternalId = Gen.Frequency(
        (6, Gen.Guid.Select(g => Quote($"fz-{g:N}"))),
        (1, Gen.Int[1, 5].Select(n => Quote($"fz-dup-{n}"))),
        (2, Scalar));

    private static readonly Gen<string> Lead =
        from externalId in ExternalId
        from source in Gen.Frequency((6, Gen.Const(Quote("fuzz"))), (1, Scalar))
        from fields in Gen.Select(Gen.OneOf([.. Fields.Select(Gen.Const)]), Value(0)).Array[0, 8]
        from duplicate in Gen.Int[0, 9]
        select Object([("externalId", externalId), ("source", source), .. fields,
            .. duplicate == 0 ? [("externalId", externalId), ("email", Quote("dup@dup.example"))] : Array.Empty<(string, string)>()]);

    /// <summary>A body and its content type.</summary>
    public static Gen<(byte[] Body, string ContentType)> Requests { get; } =
        from lead in Lead
        from mangle in Gen.Int[0, 27]
        from cut in Gen.Double.Unit
        from garbage in Gen.Byte.Array[1, 64]
        from contentType in Gen.Frequency((18, Gen.Const("application/json")), (1, Gen.Const("text/plain")), (1, Gen.Const("application/json; charset=utf-8")))
        select (Mangle(Encoding.UTF8.GetBytes(lead), mangle, cut, garbage), contentType);

    private static Gen<string> Value(int depth) => depth >= 3
        ? Gen.Frequency((8, Scalar), (1, DeepNesting))
        : Gen.Frequency(
            (40, Scalar),
            (1, DeepNesting),
            (1, Value(depth + 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Text, Value(depth + 1)).Array[0, 4].Select(pairs => Object([.. pairs]))));

    private static byte[] Mangle(byte[] json, int how, double cut, byte[] garbage) => how switch
    {
        0 => json[..(int)(json.Length * cut)],
        1 => [.. json[..(int)(json.Length * cut)], 0xC3, 0x28, .. json[(int)(json.Length * cut)..]],
        2 => [.. json[..(int)(json.Length * cut)], 0xED, 0xA0, 0x80, .. json[(int)(json.Length * cut)..]],
        3 => [.. json[..(int)(json.Length * cut)], 0xC0, 0xAF, 0xFF, .. json[(int)(json.Length * cut)..]],
        4 => garbage,
        5 => [0xEF, 0xBB, 0xBF, .. json],
        6 => Encoding.UTF8.GetBytes(Quote("just a string")),
        7 => "[{\"externalId\":\"a\",\"source\":\"b\"}]"u8.ToArray(),
        _ => json,
    };

    private static string Object(IEnumerable<(string Name, string Value)> members) =>
        "{" + string.Join(",", members.Select(m => $"{Quote(m.Name)}:{m.Value}")) + "}";

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
