using System.Text;
using SalesOps.Routing.Host.Baselines;

namespace SalesOps.Routing.Host.Tests.Baselines;

public sealed class BaselineLeadKeysTests
{
    [Fact]
    public void Reads_the_top_level_keys_and_skips_nested_values()
    {
        var body = """
            {"attributes":{"source":"nested","email":"nested@x.io"},"externalId":"run-7","employees":120,
             "source":"hubspot","tags":["a",{"externalId":"no"}],"email":"ada@example.io"}
            """;

        var keys = BaselineLeadKeys.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal(new BaselineLeadKeys("hubspot", "run-7", "ada@example.io"), keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"source\":\"web\",\"externalId\":")]
    public void A_body_it_cannot_read_gives_no_keys_where_none_were_read(string body)
    {
        var keys = BaselineLeadKeys.Read(Encoding.UTF8.GetBytes(body));

        Assert.Null(keys.ExternalId);
        Assert.Null(keys.Email);
    }
}
