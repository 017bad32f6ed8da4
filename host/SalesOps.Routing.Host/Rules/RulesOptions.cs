using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Rules;

internal sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>Folder holding the rule files; relative paths are taken from the content root.</summary>
    [Required]
    public string Path { get; set; } = "rules";

    /// <summary>Reload saved changes to the rule files without a restart.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// React to file-system events as well as polling. Off for folders on network or container
    /// file systems that do not deliver events; the poll then picks changes up on its own.
    /// </summary>
    public bool FileEvents { get; set; } = true;

    /// <summary>How often the files' content is compared with the live version, in case the file watcher misses an event.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the files must stay unchanged before a reload, so a file is not read while it is half written.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromMilliseconds(250);
}
