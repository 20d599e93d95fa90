using LiveActors.Options;
using LiveActors.Protocol;
using static LiveActors.Live;
using LiveActors.Models;

namespace LiveActors.Tests.Api;

/// <summary>What events and messages print, and how users build server events for their own tests.</summary>
public sealed class EventTextTests
{
    private static ServerMessage ParseSample(string name)
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Sample(Path.Combine("server", name)));
        Assert.True(ServerMessageParser.TryParse(bytes, out var message, out var error), $"{name}: {error}");
        return message;
    }

    [Fact]
    public void A_wire_record_prints_only_the_members_that_are_set()
    {
        var message = new ServerMessage { ServerContent = new ServerContent { TurnComplete = true } };

        Assert.Equal("""{"serverContent":{"turnComplete":true}}""", message.ToString());
    }

    [Fact]
    public void An_audio_chunk_prints_its_size_not_its_bytes()
    {
        var audio = new byte[9_600];
        var message = new ServerMessage
        {
            ServerContent = new ServerContent
            {
                ModelTurn = new Content { Role = Roles.Model, Parts = [new Part { InlineData = new Blob { MimeType = "audio/pcm;rate=24000", Data = audio } }] },
            },
        };
        var chunk = Assert.IsType<ModelTurnReceived>(Assert.Single(ServerEvent.From(message)));

        Assert.Equal("ModelTurnReceived { Audio = 9600 bytes }", chunk.ToString());
        Assert.Contains("(12800 chars)", message.ToString(), StringComparison.Ordinal);
        Assert.True(message.ToString().Length < 200, message.ToString());
    }

    [Fact]
    public void A_text_chunk_prints_its_text()
    {
        var chunk = Assert.IsType<ModelTurnReceived>(Assert.Single(ServerEvent.From(ParseSample("text-chunk-pretty.json"))));

        Assert.Equal("""ModelTurnReceived { Text = "Yes, I'm here! How can I help you today?" }""", chunk.ToString());
    }

    [Fact]
    public void Every_sample_event_prints_briefly_and_without_its_handle()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Sample("server"), "*.json"))
        {
            var message = ParseSample(Path.GetFileName(file));
            foreach (var e in ServerEvent.From(message))
            {
                var text = e.ToString();
                Assert.True(text.Length < 400, $"{Path.GetFileName(file)}: {text.Length} chars: {text}");
                Assert.DoesNotContain("Message =", text, StringComparison.Ordinal);
                if (message.SessionResumptionUpdate?.NewHandle is { Length: > 0 } handle)
                {
                    Assert.DoesNotContain(handle, text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void A_marker_event_prints_nothing_but_its_name()
    {
        Assert.Equal("TurnCompleted { }", new TurnCompleted(new ServerMessage { ServerContent = new ServerContent { TurnComplete = true } }).ToString());
    }

    [Fact]
    public void A_send_of_realtime_audio_prints_briefly()
    {
        var send = new Send(RealtimeInput.Pcm(new byte[3_200]), Correlation: "chunk-7");

        var text = send.ToString();

        Assert.Contains("chunk-7", text, StringComparison.Ordinal);
        Assert.Contains("(4268 chars)", text, StringComparison.Ordinal);
        Assert.True(text.Length < 200, text);
    }

    [Fact]
    public void Setup_prints_its_resumption_handle_as_a_fingerprint()
    {
        var setup = new Setup { Model = "models/x", SessionResumption = new SessionResumptionConfig { Handle = "secret-handle-value" } };

        Assert.DoesNotContain("secret-handle-value", setup.ToString(), StringComparison.Ordinal);
        Assert.Contains(HandleFingerprint.Of("secret-handle-value"), setup.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void From_gives_the_events_a_subscriber_would_see_in_order()
    {
        var message = ParseSample("turn-complete-with-usage.json");

        var kinds = ServerEvent.From(message).Select(e => e.GetType()).ToArray();

        Assert.Equal([typeof(TurnCompleted), typeof(UsageReported), typeof(InteractionCompleted)], kinds);
        Assert.All(ServerEvent.From(message), e => Assert.Same(message, e.Message));
    }

    [Fact]
    public void On_a_model_that_reports_interaction_status_only_idle_completes_the_interaction()
    {
        var speaking = new ServerMessage { ServerContent = new ServerContent { TurnComplete = true, InteractionStatus = InteractionStatuses.InProgress } };
        var idle = new ServerMessage { ServerContent = new ServerContent { TurnComplete = true, InteractionStatus = InteractionStatuses.Idle } };
        var idleBesideToolCall = new ServerMessage
        {
            ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "1", Name = "lookup" }] },
            InteractionStatus = InteractionStatuses.Idle,
        };
        var plainTurnComplete = new ServerMessage { ServerContent = new ServerContent { TurnComplete = true } };

        Assert.DoesNotContain(ServerEvent.From(speaking), e => e is InteractionCompleted);
        Assert.IsType<InteractionCompleted>(ServerEvent.From(idle)[^1]);
        Assert.IsType<InteractionCompleted>(ServerEvent.From(idleBesideToolCall)[^1]);
        Assert.DoesNotContain(ServerEvent.From(plainTurnComplete, ModelFamily.Gemini3ExtendedThinking), e => e is InteractionCompleted);
        Assert.Contains(ServerEvent.From(plainTurnComplete, ModelFamily.Gemini3), e => e is InteractionCompleted);
    }

    [Fact]
    public void Users_can_build_each_server_event_for_their_own_tests()
    {
        var message = new ServerMessage { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "1", Name = "lookup" }] } };

        var call = new ToolCallReceived(message, message.ToolCall);
        var turn = new ModelTurnReceived(new ServerMessage(), Content.FromText("hi", Roles.Model));

        Assert.Equal("lookup", Assert.Single(call.Call.FunctionCalls!).Name);
        Assert.Equal("hi", turn.Text);
        Assert.Equal(ServerEvent.From(message), [call]);
    }
}
