using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using LiveActors.Protocol;
using LiveActors.Tests.Support;

namespace LiveActors.Tests.Protocol;

/// <summary>
/// What the library reads of a message and writes back is the message it read: every sample frame, with extra members
/// anywhere and members of unexpected types, comes back equal as protobuf JSON means it (<see cref="ProtoJson"/>).
/// </summary>
public sealed class RoundTripTests
{
    private static readonly string[] ServerSamples = Directory.GetFiles(RepositoryPaths.Sample("server"), "*.json");
    private static readonly string[] ClientSamples = Directory.GetFiles(RepositoryPaths.Sample("client"), "*.json");

    public static TheoryData<string> Server => [.. ServerSamples.Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> Client => [.. ClientSamples.Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Server))]
    public void Every_server_sample_round_trips(string sample) =>
        AssertServerRoundTrip(File.ReadAllText(RepositoryPaths.Sample(Path.Combine("server", sample))));

    [Theory]
    [MemberData(nameof(Client))]
    public void Every_client_sample_round_trips(string sample) =>
        AssertClientRoundTrip(File.ReadAllText(RepositoryPaths.Sample(Path.Combine("client", sample))));

    [Property(MaxTest = 400)]
    public bool Server_frames_with_extra_members_anywhere_round_trip(PositiveInt sample, PositiveInt where, NonNull<string> text, int number) =>
        ServerRoundTrips(WithExtraMember(File.ReadAllText(ServerSamples[sample.Get % ServerSamples.Length]), where.Get, Extra(text.Get, number)));

    [Property(MaxTest = 400)]
    public bool Server_frames_with_a_member_of_an_unexpected_type_round_trip(PositiveInt sample, PositiveInt where) =>
        ServerRoundTrips(WithOddMember(File.ReadAllText(ServerSamples[sample.Get % ServerSamples.Length]), where.Get));

    [Property(MaxTest = 300)]
    public bool Client_messages_with_extra_members_anywhere_round_trip(PositiveInt sample, PositiveInt where, NonNull<string> text, int number) =>
        ClientRoundTrips(WithExtraMember(File.ReadAllText(ClientSamples[sample.Get % ClientSamples.Length]), where.Get, Extra(text.Get, number)));

    [Fact]
    public void The_typed_fields_of_newer_models_are_read()
    {
        var grounding = Parse("grounding.json").ServerContent!.GroundingMetadata!;
        Assert.Equal(["weather Paris"], grounding.WebSearchQueries!);
        Assert.Equal("https://example.com/paris", grounding.GroundingChunks![0].Web!.Uri);
        Assert.Equal("Paris is mild.", grounding.GroundingChunks[1].RetrievedContext!.Text);
        Assert.Equal([0, 1], grounding.GroundingSupports![0].GroundingChunkIndices!);
        Assert.Equal(26, grounding.GroundingSupports[0].Segment!.EndIndex);
        Assert.Equal("URL_RETRIEVAL_STATUS_ERROR", Parse("url-context.json").ServerContent!.UrlContextMetadata!.UrlMetadata![1].UrlRetrievalStatus);
        var words = Parse("transcription-words.json").ServerContent!.InputTranscription!;
        Assert.Equal("speaker_1", words.SpeakerLabel);
        Assert.Equal(TimeSpan.FromMilliseconds(120), words.Words![0].StartOffset);
        Assert.Equal("there", words.Words[1].Word);
        var call = Parse("tool-call-partial-args.json").ToolCall!.FunctionCalls![0];
        Assert.True(call.WillContinue);
        Assert.Equal("$.city", call.PartialArgs![0].JsonPath);
        Assert.Equal("c2lnbmVkLWNvbnNlbnQ=", Parse("setup-complete-voice-consent.json").SetupComplete!.VoiceConsentSignature!.Signature);
        Assert.Equal("standard", Parse("usage-service-tier.json").UsageMetadata!.ServiceTier);
        Assert.Equal(InteractionStatuses.Idle, Parse("interaction-idle-beside-tool-call.json").InteractionStatus);
    }

    [Fact]
    public void The_typed_fields_of_newer_client_messages_are_read()
    {
        var setup = (Setup)ReadClient("setup-transcription-translation.json");
        Assert.Equal(9.0, setup.GenerationConfig!.TopK);
        Assert.Equal("fr-FR", setup.GenerationConfig.TranslationConfig!.TargetLanguageCode);
        Assert.Equal(["LiveActors", "Akka"], setup.InputAudioTranscription!.CustomVocabulary!);
        Assert.True(setup.InputAudioTranscription.WordTimestamp);
        Assert.True(setup.InputAudioTranscription.Diarization);
        var response = ((ToolResponse)ReadClient("tool-response-parts.json")).FunctionResponses![0];
        Assert.Equal(FunctionResponseScheduling.WhenIdle, response.Scheduling);
        Assert.True(response.WillContinue);
        Assert.Equal("image/png", response.Parts![0].InlineData!.MimeType);
    }

    private static ServerMessage Parse(string sample)
    {
        Assert.True(ServerMessageParser.TryParse(File.ReadAllBytes(RepositoryPaths.Sample(Path.Combine("server", sample))), out var message, out var error), error?.Detail);
        return message!;
    }

    private static ClientMessage ReadClient(string sample)
    {
        Assert.True(ClientMessageSerializer.TryDeserialize(File.ReadAllBytes(RepositoryPaths.Sample(Path.Combine("client", sample))), out var message, out var error), error?.Detail);
        return message!;
    }

    private static void AssertServerRoundTrip(string json) => Assert.Null(ServerDifference(json));

    private static void AssertClientRoundTrip(string json) => Assert.Null(ClientDifference(json));

    private static bool ServerRoundTrips(string json) => Holds(ServerDifference(json), json);

    private static bool ClientRoundTrips(string json) => Holds(ClientDifference(json), json);

    /// <summary>True without a difference; with one, a failure that shows the frame and where it differs.</summary>
    private static bool Holds(string? difference, string json) =>
        difference is null ? true : throw new Xunit.Sdk.XunitException($"{difference} in {json}");

    private static string? ServerDifference(string json)
    {
        if (!ServerMessageParser.TryParse(Encoding.UTF8.GetBytes(json), out var message, out var error))
        {
            return $"not parsed: {error?.Detail}";
        }

        using var original = JsonDocument.Parse(json);
        using var written = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(message, LiveJsonContext.Default.ServerMessage));
        return ProtoJson.FirstDifference(original.RootElement, written.RootElement);
    }

    private static string? ClientDifference(string json)
    {
        if (!ClientMessageSerializer.TryDeserialize(Encoding.UTF8.GetBytes(json), out var message, out var error))
        {
            return $"not read: {error?.Detail}";
        }

        using var original = JsonDocument.Parse(json);
        using var written = JsonDocument.Parse(ClientMessageSerializer.SerializeToUtf8Bytes(message));
        return ProtoJson.FirstDifference(original.RootElement, written.RootElement);
    }

    private static JsonNode Extra(string text, int number) => (Math.Abs(number) % 4) switch
    {
        0 => JsonValue.Create(text)!,
        1 => JsonValue.Create(number),
        2 => new JsonObject { ["nested"] = new JsonArray(number, text, true) },
        _ => JsonValue.Create(number % 2 == 0),
    };

    /// <summary>The frame with <paramref name="value"/> added, under a name no record knows, to one of its objects.</summary>
    private static string WithExtraMember(string json, int where, JsonNode value)
    {
        var root = JsonNode.Parse(json)!;
        var objects = Objects(root).ToList();
        objects[where % objects.Count]["xFuture" + where % 7] = value;
        return root.ToJsonString();
    }

    /// <summary>The frame with one member (of an object, not an array element) replaced by a value of another type.</summary>
    private static string WithOddMember(string json, int where)
    {
        var root = JsonNode.Parse(json)!;
        var members = Objects(root).SelectMany(o => o.Select(m => (Owner: o, m.Key, m.Value))).ToList();
        if (members.Count == 0)
        {
            return json;
        }

        var (owner, key, value) = members[where % members.Count];
        owner[key] = value is JsonObject ? JsonValue.Create("odd") : new JsonObject { ["odd"] = true };
        return root.ToJsonString();
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var inner in a.SelectMany(Objects))
                {
                    yield return inner;
                }

                break;
        }
    }
}
