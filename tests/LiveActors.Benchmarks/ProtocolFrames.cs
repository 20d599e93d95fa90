using System.Text;

namespace LiveActors.Benchmarks;

/// <summary>Representative server frames, one per message kind, as the service sends them (UTF-8 JSON).</summary>
internal static class ProtocolFrames
{
    /// <summary>200 ms of 24 kHz 16-bit mono audio, base64 in JSON: the bulk of a voice session's downstream.</summary>
    public static readonly byte[] AudioChunk = Utf8(
        "{\"serverContent\":{\"modelTurn\":{\"parts\":[{\"inlineData\":{\"mimeType\":\"audio/pcm;rate=24000\",\"data\":\""
        + Convert.ToBase64String(new byte[9600]) + "\"}}]}}}");

    public static readonly IReadOnlyDictionary<string, byte[]> ServerMessages = new Dictionary<string, byte[]>
    {
        ["textChunk"] = Utf8("""{"serverContent":{"modelTurn":{"role":"model","parts":[{"text":"The quick brown fox jumps over the lazy dog. "}]}}}"""),
        ["audioChunk"] = AudioChunk,
        ["turnComplete+usage"] = Utf8("""{"serverContent":{"turnComplete":true},"usageMetadata":{"promptTokenCount":515,"responseTokenCount":38,"totalTokenCount":553,"promptTokensDetails":[{"modality":"TEXT","tokenCount":515}],"responseTokensDetails":[{"modality":"TEXT","tokenCount":38}]}}"""),
        ["toolCall"] = Utf8("""{"toolCall":{"functionCalls":[{"id":"call-1","name":"get_weather","args":{"city":"Paris","unit":"celsius"}}]}}"""),
        ["resumptionUpdate"] = Utf8("""{"sessionResumptionUpdate":{"newHandle":"CjQKMmZha2UtaGFuZGxlLWZvci1iZW5jaG1hcmtzLW9ubHktMTIzNDU2Nzg5MA","resumable":true,"lastConsumedClientMessageIndex":"1234"}}"""),
        ["outputTranscription"] = Utf8("""{"serverContent":{"outputTranscription":{"text":"Hello there, how can I help?"}}}"""),
        ["goAway"] = Utf8("""{"goAway":{"timeLeft":"50s"}}"""),
        ["setupComplete"] = Utf8("""{"setupComplete":{}}"""),
    };

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
