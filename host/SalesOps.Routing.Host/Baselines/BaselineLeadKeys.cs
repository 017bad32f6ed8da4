using System.Text.Json;

namespace SalesOps.Routing.Host.Baselines;

/// <summary>
/// The keys a lead row is indexed by (source, externalId, e-mail), read from the body's top level
/// without parsing the rest. The storage-only baseline stores each lead under them, so its index
/// writes are those of the real rows; with a made-up sequential key and no e-mail they would cost less.
/// </summary>
internal readonly record struct BaselineLeadKeys(string? Source, string? ExternalId, string? Email)
{
    public static BaselineLeadKeys Read(ReadOnlySpan<byte> body)
    {
        string? source = null, externalId = null, email = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (!reader.Read())
                    break;
                if (reader.TokenType == JsonTokenType.String)
                {
                    if (name.SequenceEqual("source"u8))
                        source = reader.GetString();
                    else if (name.SequenceEqual("externalId"u8))
                        externalId = reader.GetString();
                    else if (name.SequenceEqual("email"u8))
                        email = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // A baseline answers whatever it is sent; a body it cannot read is stored under made-up keys.
        }

        return new BaselineLeadKeys(source, externalId, email);
    }
}
