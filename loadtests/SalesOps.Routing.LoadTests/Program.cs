using SalesOps.Routing.LoadTests;

var root = RunnerCommand.Build();
root.SetAction(async (parse, cancellationToken) =>
{
    var settings = RunnerCommand.Settings(parse);

    // Every run is bounded: at most this long, whatever the options say.
    using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    bound.CancelAfter(TimeSpan.FromMinutes(30));
    return await LoadRunner.RunAsync(settings, bound.Token);
});

return await root.Parse(args).InvokeAsync();
