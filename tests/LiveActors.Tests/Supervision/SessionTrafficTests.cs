using System.Net.WebSockets;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Reconnection;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Tests.Supervision;

/// <summary>What passes through a session while it lives, read from the effects its rules return, without an actor.</summary>
public sealed class SessionTrafficTests
{
    private static readonly IActorRef Alice = new NamedRef("alice");
    private static readonly IActorRef Bob = new NamedRef("bob");

    [Fact]
    public void A_send_past_the_outbound_limits_is_refused_with_buffer_full_and_keeps_nothing()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options() with { OutboundQueue = new OutboundQueueOptions { MaxMessages = 1 } }, durable: true);
        traffic.Accept(new Send(ClientContent.UserText("one")), Alice, socket: null);
        traffic.Effects.Clear();

        var effects = traffic.Accept(new Send(ClientContent.UserText("two"), "second"), Bob, socket: null).All;

        var refusal = Assert.Single(effects);
        Assert.Equal(EffectKind.Tell, refusal.Kind);
        Assert.Same(Bob, refusal.Actor);
        var error = Assert.IsType<BufferFull>(Assert.IsType<LiveConnectionException>(Assert.IsType<Status.Failure>(refusal.Message).Cause).Error);
        Assert.Equal(new BufferFull(QueuedMessages: 1, QueuedBytes: traffic.Desk.PendingBytes), error);
        Assert.Equal("buffer_full", error.Code);
        Assert.Equal(1, traffic.Desk.PendingCount);
    }

    [Fact]
    public void Accepted_sends_are_numbered_in_order_and_told_to_their_sender()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(), durable: false);

        traffic.Accept(new Send(ClientContent.UserText("one"), "first"), Alice, socket: null);
        var effects = traffic.Accept(new Send(ClientContent.UserText("two"), "second"), Bob, socket: null).All;

        Assert.Equal(
            [
                new Effect(EffectKind.Tell, new SendAccepted(1, "first"), Alice),
                new Effect(EffectKind.Tell, new SendAccepted(2, "second"), Bob),
            ],
            effects);
        Assert.Equal(2, traffic.Desk.PendingCount);
    }

    [Fact]
    public void A_durable_session_leaves_the_acknowledgement_to_its_keeper_once_the_message_is_stored()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(), durable: true);
        var one = ClientContent.UserText("one");
        var two = ClientContent.UserText("two");

        traffic.Accept(new Send(one, "first"), Alice, socket: null);
        var effects = traffic.Accept(new Send(two, "second"), Bob, socket: null).All;

        Assert.Equal(
            [
                new Effect(EffectKind.Keep, new DurableAccepted(1, one, "first", Alice)),
                new Effect(EffectKind.Keep, new DurableAccepted(2, two, "second", Bob)),
            ],
            effects); // no SendAccepted before the journal has it: store before acknowledging
        Assert.Equal(2, traffic.Desk.PendingCount);
    }

    [Fact]
    public void A_send_from_nobody_is_accepted_without_an_answer_and_queued_until_a_socket_is_ready()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(), durable: false);

        var effects = traffic.Accept(new Send(ClientContent.UserText("one")), ActorRefs.Nobody, socket: null).All;

        Assert.Empty(effects);
        Assert.Equal(1, traffic.Desk.PendingCount);
        Assert.Equal(0, traffic.Desk.OnConnection);
    }

    [Fact]
    public void A_send_accepted_while_connected_goes_on_the_connection_and_once_written_is_done_without_resumption()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(), durable: true);
        traffic.StartConnection(SessionRules.Socket(), handshakeMessages: 1);

        traffic.Accept(new Send(ClientContent.UserText("one")), Alice, SessionRules.Socket());
        Assert.Equal(1, traffic.Desk.OnConnection);
        Assert.Equal(1, traffic.Desk.PendingCount); // on the connection, not yet written
        Assert.False(traffic.Quiet);
        traffic.Effects.Clear();

        var effects = traffic.Written(1).All;

        Assert.Equal([new Effect(EffectKind.Keep, new DurableDoneThrough(1))], effects);
        Assert.True(traffic.Desk.IsEmpty);
    }

    [Fact]
    public void A_send_the_socket_refuses_is_accepted_then_failed_with_buffer_full_to_its_sender_and_to_everyone_else()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(), durable: false);
        var closing = SessionRules.Socket();
        closing.BeginClose();

        var effects = traffic.Accept(new Send(ClientContent.UserText("one"), "c"), Alice, closing).All;

        var failed = new SendFailed(1, new BufferFull(0, 0), "c");
        Assert.Equal(3, effects.Count);
        Assert.Equal(new Effect(EffectKind.Tell, new SendAccepted(1, "c"), Alice), effects[0]);
        Assert.Equal(new Effect(EffectKind.Tell, failed, Alice), effects[1]);
        Assert.Equal(EffectKind.Publish, effects[2].Kind);
        Assert.Equal(failed, effects[2].Message);
        Assert.Equal([Alice], effects[2].Except!);
        Assert.True(traffic.Desk.IsEmpty);
    }

    [Fact]
    public void What_waited_for_a_socket_is_put_on_it_when_it_is_ready_and_done_once_written()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(), durable: false);
        traffic.Accept(new Send(ClientContent.UserText("one")), ActorRefs.Nobody, socket: null);
        traffic.Accept(new Send(ClientContent.UserText("two")), ActorRefs.Nobody, socket: null);

        var effects = traffic.StartConnection(SessionRules.Socket(), handshakeMessages: 1).All;

        Assert.Empty(effects);
        Assert.Equal(2, traffic.Desk.OnConnection);
        Assert.Equal(2, traffic.Desk.PendingCount);
        traffic.Written(2);
        Assert.True(traffic.Desk.IsEmpty);
    }

    [Fact]
    public void A_server_message_that_proves_a_turn_yields_its_events_in_order_and_its_handle_then_confirms_the_turn()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(SessionRules.Handles), durable: true);
        traffic.StartConnection(SessionRules.Socket(), handshakeMessages: 1);
        traffic.Accept(new Send(ClientContent.UserText("hello")), ActorRefs.Nobody, SessionRules.Socket());
        traffic.Written(1);
        traffic.Effects.Clear();

        var reply = new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model), TurnComplete = true } };
        var effects = traffic.Inbound(new InboundMessage(reply, 64)).All;

        Assert.All(effects, effect => Assert.Equal(EffectKind.Publish, effect.Kind));
        Assert.Equal([typeof(ModelTurnReceived), typeof(TurnCompleted), typeof(InteractionCompleted)], effects.Select(e => e.Message.GetType()));
        Assert.All(effects, effect => Assert.Same(reply, ((ServerEvent)effect.Message).Message));
        Assert.Equal(1, traffic.Desk.UnconfirmedCount); // proven, but only a handle after the reply confirms it
        traffic.Effects.Clear();

        var handle = new ServerMessage { SessionResumptionUpdate = new SessionResumptionUpdate { NewHandle = "h1", Resumable = true } };
        effects = traffic.Inbound(new InboundMessage(handle, 32)).All;

        Assert.Equal(new Effect(EffectKind.Keep, new DurableHandle("h1", SessionRules.Clock.Now)), effects[0]);
        Assert.Equal(new Effect(EffectKind.Keep, new DurableDoneThrough(1)), effects[1]);
        Assert.IsType<SessionResumptionUpdated>(effects[2].Message);
        Assert.Equal(3, effects.Count);
        Assert.True(traffic.Desk.IsEmpty);
    }

    [Fact]
    public void A_server_message_goes_to_the_receiver_waiting_for_one_whose_timer_is_cancelled_and_is_published_too()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(), durable: false);
        var waiting = traffic.Inbox.Wait(Bob);
        var chunk = new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model) } };

        var effects = traffic.Inbound(new InboundMessage(chunk, 16)).All;

        Assert.Equal(
            [
                new Effect(EffectKind.CancelTimer, SessionTraffic.ReceiveTimerKey(waiting.Id)),
                new Effect(EffectKind.Tell, chunk, Bob),
                new Effect(EffectKind.Publish, new ModelTurnReceived(chunk, chunk.ServerContent.ModelTurn!)),
            ],
            effects);
        Assert.Equal(0, traffic.Inbox.Count);
    }

    [Fact]
    public void A_server_message_with_no_receiver_waiting_is_kept_for_receive()
    {
        var traffic = SessionRules.Traffic(SessionRules.Options(), durable: false);
        var chunk = new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model) } };

        var effects = traffic.Inbound(new InboundMessage(chunk, 16)).All;

        Assert.Equal([EffectKind.Publish], effects.Select(e => e.Kind));
        Assert.Equal(1, traffic.Inbox.Count);
        Assert.True(traffic.Inbox.TryTake(out var kept));
        Assert.Same(chunk, kept);
    }
}

/// <summary>A session's rules built as the session builds them, for tests: no actor system, a clock that stands still.</summary>
internal static class SessionRules
{
    public static readonly StillClock Clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    /// <summary>Resumption with handles that are not transparent, uncertain messages reported.</summary>
    public static readonly SessionResumptionOptions Handles = new()
    {
        Enabled = true,
        Transparent = false,
        UncertainMessages = UncertainDelivery.Report,
        AskAgainAfterCutReply = false,
        LostToolResults = LostToolResults.Refuse,
    };

    /// <summary>Resumption off: a written message is done.</summary>
    public static readonly SessionResumptionOptions NoResumption = new() { Enabled = false };

    public static LiveConnectionOptions Options(SessionResumptionOptions? resumption = null) =>
        new() { Model = "gemini-2.5-flash", ApiKey = "test-key", SessionResumption = resumption ?? NoResumption };

    public static SessionTraffic Traffic(LiveConnectionOptions options, bool durable) =>
        new(
            options,
            new ModelRules(options),
            Resumption(options),
            new IdleWatch(passivation: null),
            new SessionTelemetry(options),
            Clock,
            NullLogger.Instance,
            durable ? new Durability(ActorRefs.Nobody, Recovered: null) : null);

    public static Resumption Resumption(LiveConnectionOptions options) => new(options.SessionResumption.Enabled, options.SessionResumption.Handle);

    /// <summary>
    /// A writer over a socket never connected, stopped already: a write is taken (reported written later, as a write
    /// that waits is) and nothing goes anywhere; once closing, a write is refused.
    /// </summary>
    public static SocketWriter Socket()
    {
        var settings = new SocketSettings(new Uri("wss://example.invalid/live"), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), 1 << 20, SendQueueCapacity: 4);
        var callbacks = new SocketCallbacks(_ => { }, _ => { }, _ => { }, _ => { });
        return new SocketWriter(new ClientWebSocket(), settings, callbacks, _ => Task.FromResult(true), new CancellationToken(canceled: true));
    }
}

/// <summary>A clock that stands still.</summary>
internal sealed class StillClock(DateTimeOffset now) : ITimeProvider
{
    public DateTimeOffset Now => now;

    public TimeSpan MonotonicClock => TimeSpan.FromMinutes(1);

    public TimeSpan HighResMonotonicClock => TimeSpan.FromMinutes(1);
}

/// <summary>An actor ref that is only a name: enough to tell senders, receivers and requesters apart.</summary>
internal sealed class NamedRef(string name) : MinimalActorRef
{
    public override ActorPath Path { get; } = new RootActorPath(new Address("akka", "tests")) / name;

    public override IActorRefProvider Provider => throw new NotSupportedException("a named ref has no provider");
}
