using System.Text;
using Akka.Actor;
using Akka.Serialization;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Serialization;
using LiveActors.Sessions;
using LiveActors.Tests.Support;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;
using LiveActors.Models;

namespace LiveActors.Tests.Serialization;

/// <summary>
/// LiveActorsSerializer, bound by Akka.conf: every message, reply and event of the session API, a region's envelopes
/// and what durable sessions store go through it, come back as what was sent, and nothing of LiveActors falls back to
/// Akka's default serializer.
/// </summary>
public sealed class SerializerTests : Akka.TestKit.Xunit2.TestKit
{
    public SerializerTests()
        : base(LiveActorsConfig.Default)
    {
    }

    private Akka.Serialization.Serialization Serialization => Sys.Serialization;

    [Fact]
    public void Every_type_it_writes_is_bound_to_it()
    {
        var unbound = WireTypes.Instance.All
            .Where(type => !type.Name.StartsWith("error:", StringComparison.Ordinal) && !typeof(global::LiveActors.Errors.ConnectionError).IsAssignableFrom(type))
            .Where(type => Serialization.FindSerializerForType(type) is not LiveActorsSerializer)
            .Select(type => type.FullName);

        Assert.Empty(unbound);
    }

    [Fact]
    public void Every_public_message_and_event_of_the_session_API_has_a_manifest()
    {
        var missing = typeof(Live).GetNestedTypes()
            .Where(type => !type.IsAbstract && !type.IsEnum && type.IsClass)
            .Where(type => { try { _ = WireTypes.Instance.ManifestOf(type); return false; } catch (ArgumentException) { return true; } })
            .Select(type => type.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_connection_error_has_a_manifest()
    {
        var missing = typeof(global::LiveActors.Errors.ConnectionError).GetNestedTypes()
            .Where(type => type.IsSubclassOf(typeof(global::LiveActors.Errors.ConnectionError)))
            .Where(type => { try { _ = WireTypes.Instance.ManifestOf(type); return false; } catch (ArgumentException) { return true; } })
            .Select(type => type.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_message_comes_back_as_it_was_sent()
    {
        foreach (var message in SampleMessages.All(TestActor))
        {
            var back = RoundTrip(message);

            Assert.Equal(message.GetType(), back.GetType());
            Assert.Equal(Text(message), Text(back)); // written again, the same bytes: nothing lost on the way
        }
    }

    [Fact]
    public void Every_event_of_every_sample_server_frame_comes_back_as_the_same_event()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Sample("server"), "*.json"))
        {
            var message = ServerMessageParser.Parse(File.ReadAllBytes(file));
            foreach (var family in new[] { ModelFamily.Gemini2, ModelFamily.Gemini3ExtendedThinking })
            {
                foreach (var @event in ServerEvent.From(message, family))
                {
                    var back = Assert.IsAssignableFrom<ServerEvent>(RoundTrip(@event));
                    Assert.Equal(@event.GetType(), back.GetType());
                    Assert.Equal(@event.ToString(), back.ToString());
                    Assert.Equal(Text(@event), Text(back));
                }
            }
        }
    }

    [Fact]
    public void A_model_turn_keeps_its_text_and_its_audio()
    {
        var message = ServerMessageParser.Parse(File.ReadAllBytes(RepositoryPaths.Sample("server/audio-chunk.json")));
        var turn = Assert.Single(ServerEvent.From(message).OfType<ModelTurnReceived>());

        var back = Assert.IsType<ModelTurnReceived>(RoundTrip(turn));

        Assert.Equal(turn.Audio.ToArray(), back.Audio.ToArray());
        Assert.Equal(turn.Text, back.Text);
    }

    [Fact]
    public void An_actor_ref_comes_back_as_the_same_actor()
    {
        var back = Assert.IsType<Subscribe>(RoundTrip(new Subscribe(TestActor)));

        Assert.Equal(TestActor, back.Subscriber);
    }

    [Fact]
    public void A_correlation_value_goes_by_the_serializer_bound_to_its_type()
    {
        var back = Assert.IsType<SendAccepted>(RoundTrip(new SendAccepted(7, Correlation: "turn-7")));

        Assert.Equal("turn-7", back.Correlation);
    }

    [Fact]
    public void An_envelope_carries_its_message_by_that_message_s_own_serializer()
    {
        var back = Assert.IsType<LiveSessions.Envelope>(RoundTrip(new LiveSessions.Envelope("call-1", new Send(ClientContent.UserText("hi"), 3))));

        var send = Assert.IsType<Send>(back.Message);
        Assert.Equal("call-1", back.SessionId);
        Assert.Equal(3, Convert.ToInt32(send.Correlation, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("""{"clientContent":{"turns":[{"role":"user","parts":[{"text":"hi"}]}],"turnComplete":true}}""",
            Encoding.UTF8.GetString(ClientMessageSerializer.SerializeToUtf8Bytes(send.Message)));
    }

    [Fact]
    public void A_cause_crosses_as_its_type_and_message()
    {
        var failed = new SendFailed(4, new DeliveryUncertain(new ConnectionFailed("lost") { Cause = new IOException("broken pipe") }));

        var back = Assert.IsType<SendFailed>(RoundTrip(failed));

        var cause = Assert.IsType<RemoteCause>(Assert.IsType<ConnectionFailed>(Assert.IsType<DeliveryUncertain>(back.Error).Cause).Cause);
        Assert.Equal("System.IO.IOException", cause.TypeName);
        Assert.Equal("broken pipe", cause.Text);
    }

    [Fact]
    public void Singletons_come_back_as_the_one_instance()
    {
        Assert.Same(Close.Instance, RoundTrip(Close.Instance));
        Assert.Same(Closed.Instance, RoundTrip(Closed.Instance));
        Assert.Same(SessionClosed.Instance, Assert.IsType<GaveUp>(RoundTrip(new GaveUp(SessionClosed.Instance))).Error);
    }

    [Fact]
    public void An_unknown_manifest_is_a_clear_error()
    {
        var serializer = Assert.IsType<LiveActorsSerializer>(Serialization.FindSerializerForType(typeof(Send)));

        var error = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary([], "no-such-thing"));

        Assert.Contains("no-such-thing", error.Message, StringComparison.Ordinal);
    }

    private object RoundTrip(object message)
    {
        var serializer = Serialization.FindSerializerFor(message);
        Assert.IsType<LiveActorsSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        return Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);
    }

    private string Text(object message) => Encoding.UTF8.GetString(Serialization.FindSerializerFor(message).ToBinary(message));
}
