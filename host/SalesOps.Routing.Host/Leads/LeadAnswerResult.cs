using System.Text.Json;

namespace SalesOps.Routing.Host.Leads;

/// <summary>
/// The answer to a posted lead (201 with its Location, or 200 for one already stored), written with
/// the generated serializer in one synchronous pass into the response's pipe. The framework's JSON
/// results write asynchronously through reflection-built converters, which showed in profiles of the
/// ingest path; the JSON is the same (web defaults in both).
/// </summary>
internal sealed class LeadAnswerResult(int statusCode, LeadResponse lead, string? location = null) : IResult
{
    public static LeadAnswerResult Created(LeadResponse lead) => new(StatusCodes.Status201Created, lead, $"/api/leads/{lead.Id}");

    public static LeadAnswerResult Existing(LeadResponse lead) => new(StatusCodes.Status200OK, lead);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        if (location is not null)
            response.Headers.Location = location;
        using (var json = new Utf8JsonWriter(response.BodyWriter))
            JsonSerializer.Serialize(json, lead, LeadJsonContext.Default.LeadResponse);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
