using System.Collections.Frozen;
using System.Text;

namespace SalesOps.Routing.Engine.Leads;

/// <summary>
/// Reduces a company name to a key for matching accounts: "Acme Inc.", "ACME, Incorporated" and
/// "acme" all become "acme". Legal-form suffixes and punctuation carry no identity.
/// </summary>
public static class CompanyNames
{
    private static readonly FrozenSet<string> LegalForms = new[]
    {
        "inc", "incorporated", "llc", "llp", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh", "mbh",
        "ag", "kg", "se", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "pty", "kk", "oy", "ab", "as", "aps", "the",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The matching key; empty when the name has nothing but punctuation and legal forms.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
            cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w));
        return string.Join(' ', words);
    }
}
