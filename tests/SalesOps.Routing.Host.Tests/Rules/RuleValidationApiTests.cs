using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Rules;

/// <summary>POST /api/rules/validate checks a draft without touching the live rule set.</summary>
public sealed class RuleValidationApiTests : IAsyncLifetime
{
    private readonly TempRuleFolder _rules = new();
    private RoutingHost _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(RuleValidationApiTests)), _rules.Path,
            settings: new Dictionary<string, string?> { ["Rules:Watch"] = "false" });
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _rules.Dispose();
    }

    [Fact]
    public async Task Validate_JsonMapWithOneChangedFile_IsCompletedFromTheLiveSet()
    {
        var routing = _rules.Read("routing.json").Replace("\"priority\": 20", "\"priority\": 30", StringComparison.Ordinal);

        var response = await _client.PostAsJsonAsync("/api/rules/validate", RuleApi.FileMap(("routing.json", routing), ("README.md", "notes")));

        var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal(["routing.json"], body.GetProperty("fromDraft").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("teams.json", body.GetProperty("fromLive").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["README.md"], body.GetProperty("ignored").EnumerateArray().Select(f => f.GetString()));
        Assert.NotEqual((await _client.GetStatusAsync()).ActiveVersion, body.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Validate_BrokenDraft_Returns422ProblemWithFileLineAndColumn()
    {
        var scoring = _rules.Read("scoring.json").Replace("lead.Employees >= 1000", "lead.GetType().Assembly != null", StringComparison.Ordinal);

        var response = await _client.PostAsJsonAsync("/api/rules/validate", RuleApi.FileMap(("scoring.json", scoring)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("scoring.json", 6, 19), (error.GetProperty("file").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
        Assert.Contains("reflection", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null((await _client.GetStatusAsync()).LastError);
    }

    [Fact]
    public async Task Validate_ZipOfTheWholeRuleFolder_IsValidAndGivesTheLiveVersion()
    {
        var response = await _client.PostAsync("/api/rules/validate", Zip(_rules.Path));

        var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((await _client.GetStatusAsync()).ActiveVersion, body.GetProperty("version").GetString());
        Assert.Empty(body.GetProperty("fromLive").EnumerateArray());
        // Other files beside the rule files are listed; subfolders such as schema/ are not looked at.
        var others = Directory.GetFiles(_rules.Path).Select(Path.GetFileName).Where(n => !n!.EndsWith(".json", StringComparison.Ordinal) && !n.EndsWith(".txt", StringComparison.Ordinal));
        Assert.Equal(others.Order(StringComparer.Ordinal), body.GetProperty("ignored").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Validate_ZipWithABrokenFile_Returns422()
    {
        _rules.Edit("teams.json", s => s.Replace("\"round-robin\"", "\"round-robbin\"", StringComparison.Ordinal));

        var response = await _client.PostAsync("/api/rules/validate", Zip(_rules.Path));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.Equal("teams.json", e.GetProperty("file").GetString()));
    }

    [Theory]
    [InlineData("text/plain", "scoring.json", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "[\"scoring.json\"]", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"scoring.json\": 5}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"scoring.json\": ", HttpStatusCode.BadRequest)]
    [InlineData("application/zip", "not a zip", HttpStatusCode.BadRequest)]
    public async Task Validate_BodyThatIsNotADraft_IsAClearProblem(string contentType, string body, HttpStatusCode expected)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        var response = await _client.PostAsync("/api/rules/validate", content);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static ByteArrayContent Zip(string folder)
    {
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, buffer, CompressionLevel.Fastest, includeBaseDirectory: true);
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }
}
