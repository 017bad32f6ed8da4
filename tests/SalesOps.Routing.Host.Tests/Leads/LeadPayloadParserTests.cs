using System.Text.Json;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Host.Leads;

namespace SalesOps.Routing.Host.Tests.Leads;

/// <summary>How a posted body's fields are found: every known name, once, whatever the order, escaping or repetition.</summary>
public sealed class LeadPayloadParserTests
{
    [Fact]
    public void EveryKnownField_IsReadIntoItsOwnProperty()
    {
        var (lead, errors) = Parse("""
            {"campaign":"q4","leadSource":"ebook","industry":"Retail","city":"Munich","postalCode":"80331","state":"BY",
             "country":"DE","website":"acme.example","company":"Acme","phone":"+49 89 1","title":"CTO","lastName":"Doe",
             "firstName":"Jane","email":"jane@acme.example","annualRevenue":5000000,"employees":"120","source":"hubspot",
             "externalId":"x-1","attributes":{"trial":true}}
            """);

        Assert.Empty(errors);
        Assert.NotNull(lead);
        string?[] texts = [lead.ExternalId, lead.Source, lead.Email, lead.FirstName, lead.LastName, lead.Title, lead.Phone, lead.Company,
            lead.Website, lead.Country, lead.State, lead.PostalCode, lead.City, lead.Industry, lead.LeadSource, lead.Campaign];
        Assert.Equal("x-1|hubspot|jane@acme.example|Jane|Doe|CTO|+49 89 1|Acme|acme.example|DE|BY|80331|Munich|Retail|ebook|q4", string.Join('|', texts));
        Assert.Equal(120, lead.Employees);
        Assert.Equal(5_000_000m, lead.AnnualRevenue);
        Assert.Equal(true, lead.Attributes["trial"]);
    }

    [Fact]
    public void AFieldSentTwice_KeepsItsLastValue()
    {
        var (lead, errors) = Parse("""{"externalId":"first","source":"hubspot","email":"old@a.example","externalId":"second","email":"new@a.example"}""");

        Assert.Empty(errors);
        Assert.Equal("second", lead!.ExternalId);
        Assert.Equal("new@a.example", lead.Email);
    }

    [Fact]
    public void AnEscapedName_IsTheFieldItSpells()
    {
        var (lead, errors) = Parse("""{"\u0065xternalId":"x-2","source":"hubspot","\u0065mail":"jane@acme.example","annual\u0052evenue":7}""");

        Assert.Empty(errors);
        Assert.Equal("x-2", lead!.ExternalId);
        Assert.Equal("jane@acme.example", lead.Email);
        Assert.Equal(7m, lead.AnnualRevenue);
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("email ")]
    [InlineData("emailAddressOfTheContact")]
    [InlineData("e-mail")]
    [InlineData("émail")]
    public void ANameThatOnlyLooksLikeAField_IsNotRead(string name)
    {
        var (lead, errors) = Parse($$"""{"externalId":"x-3","source":"hubspot",{{JsonSerializer.Serialize(name)}}:"jane@acme.example"}""");

        Assert.Empty(errors);
        Assert.Null(lead!.Email);
    }

    [Fact]
    public void Errors_AreListedIdsFirst_ThenTexts_ThenNumbers_ThenAttributes()
    {
        var (_, errors) = Parse("""{"attributes":[1],"annualRevenue":-1,"employees":true,"campaign":{},"email":[],"source":7.5e999,"externalId":""}""");

        Assert.Equal(["externalId", "email", "campaign", "employees", "annualRevenue", "attributes"], errors.Keys);
    }

    private static (LeadInput? Lead, Dictionary<string, string[]> Errors) Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        return (LeadPayloadParser.Parse(document.RootElement, errors), errors);
    }
}
