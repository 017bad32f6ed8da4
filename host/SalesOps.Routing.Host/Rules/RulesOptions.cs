using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Rules;

internal sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>Folder holding the rule files; relative paths are taken from the content root.</summary>
    [Required]
    public string Path { get; set; } = "rules";
}
