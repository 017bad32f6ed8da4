using System.Collections.Frozen;
using System.Text;

namespace SalesOps.Routing.Engine.Leads;

/// <summary>
/// Reduces a company name to a key for matching accounts: "Acme Inc.", "ACME, Incorporated" and
/// "acme" all become "acme". Legal-form suffixes and punctuation carry no identity.
/// </summary>
public static class CompanyNames
{
    // Names longer than this are rare; they take a heap buffer instead of the stack.
    private const int StackLimit = 256;

    private static readonly FrozenSet<string> LegalForms = new[]
    {
        "inc", "incorporated", "llc", "llp", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh", "mbh",
        "ag", "kg", "se", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "pty", "kk", "oy", "ab", "as", "aps", "the",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LegalFormsBySpan =
        LegalForms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The matching key; empty when the name has nothing but punctuation and legal forms.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";

        // Every lead's company goes through here, so the words are cut from one buffer and only the
        // key itself is a new string.
        var normalized = name.Normalize(NormalizationForm.FormKC);
        var lower = normalized.Length <= StackLimit ? stackalloc char[normalized.Length] : new char[normalized.Length];
        normalized.AsSpan().ToLowerInvariant(lower);
        var key = normalized.Length <= StackLimit ? stackalloc char[normalized.Length] : new char[normalized.Length];
        var length = 0;
        var start = 0;
        while (start < lower.Length)
        {
            if (!char.IsLetterOrDigit(lower[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < lower.Length && char.IsLetterOrDigit(lower[end]))
                end++;
            var word = lower[start..end];
            if (!LegalFormsBySpan.Contains(word))
            {
                if (length > 0)
                    key[length++] = ' ';
                word.CopyTo(key[length..]);
                length += word.Length;
            }

            start = end;
        }

        return length == 0 ? "" : new string(key[..length]);
    }
}
