using System.Text;
using SalesOps.Routing.Host.Webhooks;

namespace SalesOps.Routing.Host.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public void Sign_StandardWebhooksTestVector_MatchesThePublishedSignature()
    {
        var key = WebhookSignature.TryReadSecret(VectorSecret)!;

        var signature = WebhookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Sign_AnyChangeOfIdTimestampOrBody_ChangesTheSignature()
    {
        var key = WebhookSignature.TryReadSecret(VectorSecret)!;
        var body = Encoding.UTF8.GetBytes("{\"leadId\":\"a\"}");
        var original = WebhookSignature.Sign(key, "id-1", 1_800_000_000, body);

        Assert.NotEqual(original, WebhookSignature.Sign(key, "id-2", 1_800_000_000, body));
        Assert.NotEqual(original, WebhookSignature.Sign(key, "id-1", 1_800_000_001, body));
        Assert.NotEqual(original, WebhookSignature.Sign(key, "id-1", 1_800_000_000, Encoding.UTF8.GetBytes("{\"leadId\":\"b\"}")));
        Assert.NotEqual(original, WebhookSignature.Sign(new byte[24], "id-1", 1_800_000_000, body));
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")] // no prefix: a bare text is too easily a password
    [InlineData("whsec_c2hvcnQ=")] // 5 bytes
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_")]
    [InlineData("")]
    public void TryReadSecret_NotAStandardWebhooksSecretOfEnoughBytes_IsRefused(string secret) =>
        Assert.Null(WebhookSignature.TryReadSecret(secret));

    [Fact]
    public void TryReadSecret_WhsecPrefixedBase64_GivesTheDecodedBytes() =>
        Assert.Equal(Convert.FromBase64String("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), WebhookSignature.TryReadSecret(VectorSecret));
}
