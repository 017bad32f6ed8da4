using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesOps.Routing.Host.Tests.Infrastructure;
using SalesOps.Routing.Host.Tests.Security;

namespace SalesOps.Routing.Host.Tests;

public sealed class LeadValidationTests : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(LeadValidationTests)));
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("{\"source\":\"hubspot\"}", "externalId")]
    [InlineData("{\"externalId\":\"a-1\"}", "source")]
    [InlineData("{\"externalId\":\"\",\"source\":\"hubspot\"}", "externalId")]
    [InlineData("{\"externalId\":{\"x\":1},\"source\":\"hubspot\"}", "externalId")]
    [InlineData("{\"externalId\":\"a-2\",\"source\":\"hubspot\",\"email\":[\"a@b.c\"]}", "email")]
    [InlineData("{\"externalId\":\"a-3\",\"source\":\"hubspot\",\"employees\":true}", "employees")]
    [InlineData("{\"externalId\":\"a-4\",\"source\":\"hubspot\",\"employees\":1e30}", "employees")]
    [InlineData("{\"externalId\":\"a-5\",\"source\":\"hubspot\",\"employees\":12.5}", "employees")]
    [InlineData("{\"externalId\":\"a-6\",\"source\":\"hubspot\",\"annualRevenue\":-1}", "annualRevenue")]
    [InlineData("{\"externalId\":\"a-7\",\"source\":\"hubspot\",\"attributes\":[1,2]}", "attributes")]
    [InlineData("{\"externalId\":\"a-8\",\"source\":\"hubspot\",\"attributes\":{\"nested\":{\"a\":1}}}", "attributes.nested")]
    [InlineData("[1,2,3]", "$")]
    [InlineData("{\"externalId\":\"a-9\",", "$")]
    [InlineData("not json at all", "$")]
    public async Task Post_BadLead_Returns400ProblemNamingTheField(string body, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(await _client.PostRawAsync(body), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads"));
    }

    [Fact]
    public async Task Post_SeveralBadFields_NamesEachOne()
    {
        var response = await _client.PostRawAsync("{\"externalId\":5,\"employees\":\"x\",\"country\":{},\"annualRevenue\":true}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(["annualRevenue", "country", "source"], errors.Order());
    }

    [Fact]
    public async Task Post_OversizedLead_Returns413Problem()
    {
        var body = JsonSerializer.Serialize(new { externalId = "big", source = "hubspot", campaign = new string('x', 70_000) });

        await ProblemAssert.IsProblemAsync(await _client.PostRawAsync(body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_OversizedLeadWithoutALength_Returns413Problem()
    {
        // JsonContent streams its body (chunked, no Content-Length), so the limit is met while reading.
        var response = await _client.PostLeadAsync(new JsonObject { ["externalId"] = "big-chunked", ["source"] = "hubspot", ["campaign"] = new string('x', 70_000) });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_LeadWithAndWithoutALength_IsReadWhole()
    {
        // The same lead once with a Content-Length (read into one array of that size) and once
        // chunked (read piece by piece): both are read to the end and stored as sent.
        using var sized = new StringContent(LeadPayloads.QualifiedDach("with-length").ToJsonString(), Encoding.UTF8, "application/json");
        using var streamed = JsonContent.Create(LeadPayloads.QualifiedDach("chunked"));
        Assert.NotNull(sized.Headers.ContentLength);
        Assert.Null(streamed.Headers.ContentLength);

        var withLength = await _client.PostAsync("/api/leads", sized);
        var chunked = await _client.PostAsync("/api/leads", streamed);

        Assert.Equal(HttpStatusCode.Created, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.Created, chunked.StatusCode);
        Assert.Equal(2L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads WHERE external_id IN ('with-length', 'chunked') AND payload LIKE '%demo-request%'"));
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400Problem()
    {
        var response = await _client.PostRawAsync("");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_BodyShorterThanItsContentLength_IsNotAcknowledged_AndStoresNothing()
    {
        // By hand: HttpClient never sends fewer bytes than it declares. The sender stops after 12 of
        // 200 and closes its side; the server must neither wait for the rest nor take what came. Kestrel
        // closes such a connection, with a 400 or without an answer: either way the sender has no
        // acknowledgement and sends the lead again.
        var address = _client.BaseAddress!;
        var headers = string.Concat(_client.DefaultRequestHeaders.Select(h => $"{h.Key}: {string.Join(",", h.Value)}\r\n"));
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/leads HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n{headers}\r\n{{\"externalId"));
        socket.Client.Shutdown(SocketShutdown.Send);

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(statusLine is null || statusLine.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), statusLine);
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads"));
    }

    [Fact]
    public async Task Post_NotJson_Returns415Problem()
    {
        var response = await _client.PostRawAsync("externalId=1&source=x", "application/x-www-form-urlencoded");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_InvalidUtf8_Returns400Problem()
    {
        var content = new ByteArrayContent([.. "{\"externalId\":\""u8, 0xC3, 0x28, .. "\",\"source\":\"x\"}"u8]);
        content.Headers.ContentType = new("application/json");

        var response = await _client.PostAsync("/api/leads", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads"));
    }
}
