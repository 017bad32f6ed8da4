namespace SalesOps.Routing.Host.Storage;

/// <summary>Told where each committed batch's time went, stage by stage.</summary>
internal interface IWriteStageTimer
{
    void Committed(WriteStageLaps laps);
}
