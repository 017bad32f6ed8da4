using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// A copy of the repository's rule folder whose SLA policies count around the clock with a short
/// first-touch target, so clocks fall due while a run lasts, whatever the day and hour. Conditions,
/// warning shares and breach actions stay as ops wrote them, so breaches notify, move and escalate
/// as they would in production.
/// </summary>
internal static class ShortSlaRules
{
    public const int FirstTouchMinutes = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Copies <paramref name="rulesFolder"/> (its files and schema/) into <paramref name="workFolder"/> and shortens the policies there.</summary>
    public static string Create(string rulesFolder, string workFolder)
    {
        var target = Path.Combine(workFolder, "rules-short-sla");
        Directory.CreateDirectory(Path.Combine(target, "schema"));
        foreach (var file in Directory.GetFiles(rulesFolder))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        foreach (var file in Directory.GetFiles(Path.Combine(rulesFolder, "schema")))
            File.Copy(file, Path.Combine(target, "schema", Path.GetFileName(file)), overwrite: true);

        var slaFile = Path.Combine(target, "sla.json");
        var sla = JsonNode.Parse(File.ReadAllText(slaFile))!.AsObject();
        foreach (var policy in sla["policies"]?.AsArray() ?? [])
            Shorten(policy!.AsObject());
        Shorten(sla["default"]!.AsObject());
        File.WriteAllText(slaFile, sla.ToJsonString(Indented));
        return target;
    }

    private static void Shorten(JsonObject terms)
    {
        terms["calendar"] = "24x7";
        terms.Remove("hours");
        terms["targets"]!.AsObject()["first-touch"] = FirstTouchMinutes;
    }

    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"SLA policies shortened to a {FirstTouchMinutes}-minute first-touch target on a 24x7 calendar (warning shares and breach actions as in rules/sla.json)");
}
