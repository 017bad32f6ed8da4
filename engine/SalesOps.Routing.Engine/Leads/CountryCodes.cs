using System.Collections.Frozen;
using System.Globalization;

namespace SalesOps.Routing.Engine.Leads;

/// <summary>
/// Maps what marketing systems put in a country field ("Germany", "DE", "deu", "Deutschland",
/// "USA") to ISO 3166 alpha-2. Built once from the platform's ICU region data plus the aliases
/// that forms commonly send and ICU does not know.
/// </summary>
public static class CountryCodes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usa"] = "US", ["u.s."] = "US", ["u.s.a."] = "US", ["america"] = "US",
        ["united states of america"] = "US", ["uk"] = "GB", ["u.k."] = "GB", ["england"] = "GB",
        ["scotland"] = "GB", ["wales"] = "GB", ["northern ireland"] = "GB", ["great britain"] = "GB",
        ["britain"] = "GB", ["holland"] = "NL", ["the netherlands"] = "NL", ["czech republic"] = "CZ",
        ["korea"] = "KR", ["republic of korea"] = "KR", ["russia"] = "RU", ["uae"] = "AE",
        ["ivory coast"] = "CI", ["türkiye"] = "TR", ["turkey"] = "TR", ["viet nam"] = "VN",
    };

    // Declared after Aliases: static fields initialize in text order and Build reads Aliases.
    private static readonly FrozenDictionary<string, string> Lookup = Build();

    /// <summary>Returns the alpha-2 code, or null when the text names no country.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return Lookup.TryGetValue(text.Trim(), out var code) ? code : null;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            var code = region.TwoLetterISORegionName;
            if (code.Length != 2 || !char.IsAsciiLetter(code[0]))
                continue;
            map.TryAdd(code, code);
            map.TryAdd(region.ThreeLetterISORegionName, code);
            map.TryAdd(region.EnglishName, code);
            map.TryAdd(region.NativeName, code);
        }

        foreach (var (alias, code) in Aliases)
            map[alias] = code;
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
