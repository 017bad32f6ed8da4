namespace SalesOps.Routing.Host.Rules;

internal enum ReloadOutcome
{
    /// <summary>The files made a new version, which is now live.</summary>
    Activated,

    /// <summary>The files are the live version already.</summary>
    Unchanged,

    /// <summary>The files do not make a valid rule set; the live version stays.</summary>
    Invalid,

    /// <summary>The files are valid but the version could not be stored, so it was not activated; worth retrying.</summary>
    Failed,
}
