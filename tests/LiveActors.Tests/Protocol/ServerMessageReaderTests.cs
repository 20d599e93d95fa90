using System.Text;
using System.Text.Json;
using LiveActors.Protocol;

namespace LiveActors.Tests.Protocol;

/// <summary>
/// The hand-written reader must read exactly what the source-generated serializer reads: same records, same unknown
/// members kept, same frames refused. Both results are written back out with the serializer and compared.
/// </summary>
public sealed class ServerMessageReaderTests
{
    public static TheoryData<string> Samples => [.. Directory.GetFiles(RepositoryPaths.Sample("server"), "*.json").Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> EdgeFrames =>
    [
        """{"serverContent":{"modelTurn":{"role":"model","parts":[{"text":"a"},{"text":"b","thought":true,"thoughtSignature":"c2ln"},{"inlineData":{"mimeType":"audio/pcm","data":"AAEC"}}]}}}""",
        """{"serverContent":{"modelTurn":{"parts":[]},"turnComplete":false,"generationComplete":null,"interrupted":true,"waitingForInput":true}}""",
        """{"serverContent":{"modelTurn":null,"inputTranscription":null,"outputTranscription":{"text":null,"finished":null}}}""",
        """{"serverContent":{"interimInputTranscription":{"text":"hi","languageCode":"en-US","extra":[1,2]},"turnCompleteReason":"NEED_MORE_INPUT","interactionStatus":"IDLE"}}""",
        """{"serverContent":{"groundingMetadata":{"webSearchQueries":["q"]},"urlContextMetadata":null,"futureFlag":{"x":1}},"futureTop":7}""",
        """{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":null,"mimeType":"image/png","displayName":"x"}}],"futureRole":"r"}}}""",
        """{"serverContent":{"modelTurn":{"parts":[{"executableCode":{"language":"PYTHON","code":"print(1)"},"functionCall":{"name":"f","args":{}}}]}}}""",
        """{"serverContent":{"turnComplete":true},"usageMetadata":{"totalTokenCount":"12"},"sessionResumptionUpdate":{"newHandle":"h","resumable":true}}""",
        """{"serverContent":{"turnComplete":false,"turnComplete":true},"x":1,"x":2}""",
        """{"server\u0043ontent":{"model\u0054urn":{"parts":[{"te\u0078t":"esc\u00e9ped \ud83d\ude00"}]}}}""",
        """{"ServerContent":{"TurnComplete":true}}""",
        """{"serverContent":{}}""",
        """{}""",
        """ {"goAway":{"timeLeft":"1.5s"}} """,
    ];

    // Frames that are not one JSON object; a member of an odd type is no reason to refuse a frame (TolerantParsingTests).
    public static TheoryData<string> RefusedFrames =>
    [
        """{} {}""",
        """{"serverContent":{}""",
        """{"serverContent":{"modelTurn":{"parts":[{"text":"\ud800"}]}}}""",
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_server_sample_reads_as_the_serializer_reads_it(string sample) =>
        AssertSameAsSerializer(File.ReadAllBytes(RepositoryPaths.Sample(Path.Combine("server", sample))));

    [Theory]
    [MemberData(nameof(EdgeFrames))]
    public void Nulls_duplicates_escapes_unknown_members_and_many_parts_read_as_the_serializer_reads_them(string frame) =>
        AssertSameAsSerializer(Encoding.UTF8.GetBytes(frame));

    [Theory]
    [MemberData(nameof(RefusedFrames))]
    public void A_frame_that_is_not_one_JSON_object_is_a_protocol_error(string frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize(bytes, LiveJsonContext.Default.ServerMessage));

        Assert.False(ServerMessageParser.TryParse(bytes, out _, out var error));
        Assert.Equal("protocol_error", error.Code);
    }

    [Fact]
    public void A_single_part_and_unknown_members_survive_the_fast_path()
    {
        var message = ServerMessageParser.Parse("""{"serverContent":{"modelTurn":{"parts":[{"text":"hi","future":1}]}}}"""u8);

        var part = Assert.Single(message.ServerContent!.ModelTurn!.Parts!);
        Assert.Equal("hi", part.Text);
        Assert.Equal(1, part.AdditionalProperties!["future"].GetInt32());
    }

    private static void AssertSameAsSerializer(byte[] frame)
    {
        var expected = JsonSerializer.Deserialize(frame, LiveJsonContext.Default.ServerMessage)!;

        var actual = ServerMessageReader.Read(frame);

        Assert.Equal(
            JsonSerializer.Serialize(expected, LiveJsonContext.Default.ServerMessage),
            JsonSerializer.Serialize(actual, LiveJsonContext.Default.ServerMessage));
        Assert.Equal(expected.Kinds, actual.Kinds);
    }
}
