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

/// <summary>What an ending leaves behind, and for whom, read from the effects the rules return, without an actor.</summary>
public sealed class SessionEndingsTests
{
    private static readonly ConnectionFailed Dropped = new("dropped");
    private static readonly IActorRef Alice = new NamedRef("alice");
    private static readonly IActorRef Bob = new NamedRef("bob");
    private static readonly IActorRef Carol = new NamedRef("carol");
    private static readonly IActorRef Dave = new NamedRef("dave");

    private static ServerMessage ReplyChunk => new() { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model) } };

    [Fact]
    public void A_drop_reports_a_written_unproven_message_uncertain_to_its_sender_and_subscribers_and_an_unwritten_one_goes_again()
    {
        var (traffic, endings) = Session(SessionRules.Handles);
        traffic.StartConnection(SessionRules.Socket(), handshakeMessages: 1);
        traffic.Accept(new Send(ClientContent.UserText("one"), "c1"), Alice, SessionRules.Socket());
        traffic.Accept(new Send(ClientContent.UserText("two"), "c2"), Bob, SessionRules.Socket());
        traffic.Written(1);
        traffic.Effects.Clear();

        var effects = endings.Lost(new ConnectionEnded(Dropped, LastWritten: 1, InFlight: null), Dropped).All;

        var uncertain = new SendFailed(1, new DeliveryUncertain(Dropped), "c1");
        Assert.Equal(2, effects.Count);
        Assert.Equal(new Effect(EffectKind.Tell, uncertain, Alice), effects[0]);
        Assert.Equal(EffectKind.Publish, effects[1].Kind);
        Assert.Equal(uncertain, effects[1].Message);
        Assert.Equal([Alice], effects[1].Except!);
        Assert.Equal(1, traffic.Desk.PendingCount);
        Assert.Equal(0, traffic.Desk.OnConnection);
    }

    [Fact]
    public void A_drop_during_a_reply_reports_the_cut_reply_first_then_the_calls_the_connection_took_as_cancelled()
    {
        var (traffic, endings) = Session(SessionRules.Handles);
        traffic.StartConnection(SessionRules.Socket(), handshakeMessages: 1);
        traffic.Accept(new Send(ClientContent.UserText("one"), "c1"), ActorRefs.Nobody, SessionRules.Socket());
        traffic.Written(1);
        traffic.Inbound(new InboundMessage(ReplyChunk, 16));
        traffic.Inbound(new InboundMessage(new ServerMessage { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "t1", Name = "lookup" }] } }, 16));
        traffic.Effects.Clear();

        var effects = endings.Lost(new ConnectionEnded(Dropped, LastWritten: 1, InFlight: null), Dropped).All;

        Assert.True(effects.Count >= 2);
        Assert.Equal(new Effect(EffectKind.Publish, new ReplyCut(1, "c1", Dropped) { AskedAgain = false }), effects[0]);
        var cancelled = Assert.IsType<ToolCallCancelled>(effects[1].Message);
        Assert.True(cancelled.ByConnection);
        Assert.Equal(["t1"], cancelled.Cancellation.Ids!);
        Assert.False(traffic.Calls.AnyPending);
    }

    [Fact]
    public void A_close_the_session_asked_for_settles_what_was_written_as_done_and_reports_nothing()
    {
        var (traffic, endings) = Session(SessionRules.Handles);
        traffic.StartConnection(SessionRules.Socket(), handshakeMessages: 1);
        traffic.Accept(new Send(ClientContent.UserText("one")), Alice, SessionRules.Socket());
        traffic.Written(1);
        traffic.Effects.Clear();

        var effects = endings.Closed(new ConnectionEnded(Error: null, LastWritten: 1, InFlight: null)).All;

        Assert.Empty(effects);
        Assert.True(traffic.Desk.IsEmpty);
    }

    [Fact]
    public void A_close_that_failed_reports_what_was_written_uncertain_with_its_error()
    {
        var (traffic, endings) = Session(SessionRules.Handles);
        traffic.StartConnection(SessionRules.Socket(), handshakeMessages: 1);
        traffic.Accept(new Send(ClientContent.UserText("one")), Alice, SessionRules.Socket());
        traffic.Written(1);
        traffic.Effects.Clear();

        var effects = endings.Closed(new ConnectionEnded(Dropped, LastWritten: 1, InFlight: null)).All;

        Assert.Equal(new Effect(EffectKind.Tell, new SendFailed(1, new DeliveryUncertain(Dropped)), Alice), effects[0]);
        Assert.Equal(2, effects.Count);
    }

    [Fact]
    public void A_close_fails_what_was_held_tells_waiting_receivers_and_answers_every_requester_once()
    {
        var (traffic, endings) = Session(SessionRules.NoResumption);
        traffic.Accept(new Send(ClientContent.UserText("one"), "c1"), Carol, socket: null);
        var waiting = traffic.Inbox.Wait(Dave);
        traffic.Effects.Clear();
        IReadOnlyCollection<IActorRef> requesters = [Alice, Bob];

        var effects = endings.Close(requesters, regionAnswers: false).All;

        var failed = new SendFailed(1, SessionClosed.Instance, "c1");
        Assert.Equal(7, effects.Count);
        Assert.Equal(new Effect(EffectKind.Tell, failed, Carol), effects[0]);
        Assert.Equal((EffectKind.Publish, (object)failed), (effects[1].Kind, effects[1].Message));
        Assert.Equal([Carol], effects[1].Except!);
        Assert.Equal(new Effect(EffectKind.CancelTimer, SessionTraffic.ReceiveTimerKey(waiting.Id)), effects[2]);
        Assert.Equal((EffectKind.Tell, Dave), (effects[3].Kind, effects[3].Actor));
        Assert.Equal(SessionClosed.Instance, ((LiveConnectionException)((Status.Failure)effects[3].Message).Cause).Error);
        Assert.Equal(new Effect(EffectKind.Tell, Closed.Instance, Alice), effects[4]);
        Assert.Equal(new Effect(EffectKind.Tell, Closed.Instance, Bob), effects[5]);
        Assert.Equal(new Effect(EffectKind.Publish, Closed.Instance, Except: requesters), effects[6]);
        Assert.True(traffic.Desk.IsEmpty);
        Assert.Empty(traffic.Inbox.TakeWaiting());
    }

    [Fact]
    public void A_close_a_region_answers_tells_no_requester_but_still_publishes_closed_to_everyone_else()
    {
        var (_, endings) = Session(SessionRules.NoResumption);
        IReadOnlyCollection<IActorRef> requesters = [Alice];

        var effects = endings.Close(requesters, regionAnswers: true).All;

        Assert.Equal([new Effect(EffectKind.Publish, Closed.Instance, Except: requesters)], effects);
    }

    [Fact]
    public void A_give_up_fails_what_was_queued_then_publishes_the_last_attempts_error_as_disconnected_and_gave_up()
    {
        var (traffic, endings) = Session(SessionRules.NoResumption);
        traffic.Accept(new Send(ClientContent.UserText("one")), Alice, socket: null);
        traffic.Accept(new Send(ClientContent.UserText("two")), Bob, socket: null);
        traffic.Effects.Clear();
        var error = new MaxRetriesExceeded(3, Dropped);

        var effects = endings.GiveUp(error).All;

        Assert.Equal(
            [
                (EffectKind.Tell, new SendFailed(1, error), Alice),
                (EffectKind.Publish, new SendFailed(1, error), null),
                (EffectKind.Tell, new SendFailed(2, error), Bob),
                (EffectKind.Publish, new SendFailed(2, error), null),
                (EffectKind.Publish, new Disconnected(Dropped, WillRetry: false, null), null),
                (EffectKind.Publish, (object)new GaveUp(error), null),
            ],
            effects.Select(e => (e.Kind, e.Message, e.Actor)));
        Assert.True(traffic.Desk.IsEmpty);
    }

    [Fact]
    public void A_give_up_with_an_error_of_its_own_publishes_that_error_as_disconnected()
    {
        var (_, endings) = Session(SessionRules.NoResumption);

        var effects = endings.GiveUp(Dropped).All;

        Assert.Equal([new Disconnected(Dropped, WillRetry: false, null), (object)new GaveUp(Dropped)], effects.Select(e => e.Message));
    }

    [Fact]
    public void A_recovered_session_whose_handle_is_too_old_says_so_first_and_reports_what_the_server_had_not_shown_it_had()
    {
        var options = SessionRules.Options(SessionRules.Handles);
        var held = new HeldMessage(7, ClientContent.UserText("seven"), "c7");
        var recovered = new RecoveredSession(Handle: null, LastSequence: 7, Unconfirmed: [held], HandleTooOld: true);
        var traffic = new SessionTraffic(
            options, new ModelRules(options), SessionRules.Resumption(options), new IdleWatch(passivation: null), new SessionTelemetry(options),
            SessionRules.Clock, NullLogger.Instance, new Durability(ActorRefs.Nobody, recovered));
        var endings = new SessionEndings(options, SessionRules.Resumption(options), traffic, NullLogger.Instance);

        var effects = endings.Recover(recovered).All;

        Assert.IsType<ResumptionRefused>(effects[0].Message);
        Assert.Equal(EffectKind.Publish, effects[0].Kind);
        var reported = Assert.IsType<SendFailed>(effects[1].Message);
        Assert.Equal(7, reported.Sequence);
        Assert.IsType<DeliveryUncertain>(reported.Error);
        Assert.Equal(new Effect(EffectKind.Keep, new DurableDoneThrough(7)), effects[^1]);
    }

    [Fact]
    public void A_drop_to_be_retried_after_a_wait_says_Disconnected_with_that_wait_after_what_the_socket_left()
    {
        var (traffic, endings) = Session(SessionRules.Handles);
        traffic.StartConnection(SessionRules.Socket(), handshakeMessages: 1);
        traffic.Accept(new Send(ClientContent.UserText("one"), "c1"), Alice, SessionRules.Socket());
        traffic.Written(1);
        traffic.Effects.Clear();

        var effects = endings.Dropped(new ConnectionEnded(Dropped, LastWritten: 1, InFlight: null), Dropped, new Reconnect.RetryAfter(TimeSpan.FromSeconds(2), 1)).All;

        Assert.IsType<SendFailed>(effects[0].Message); // what the socket left comes first
        Assert.Equal(new Effect(EffectKind.Publish, new Disconnected(Dropped, WillRetry: true, TimeSpan.FromSeconds(2))), effects[^1]);
    }

    [Fact]
    public void A_refused_handle_is_dropped_and_said_and_a_healthy_connections_drop_is_retried_at_once()
    {
        var options = SessionRules.Options(SessionRules.Handles with { Handle = "stale" });
        var resumption = SessionRules.Resumption(options);
        var traffic = new SessionTraffic(
            options, new ModelRules(options), resumption, new IdleWatch(passivation: null), new SessionTelemetry(options), SessionRules.Clock, NullLogger.Instance, durability: null);
        var endings = new SessionEndings(options, resumption, traffic, NullLogger.Instance);
        var ended = new ConnectionEnded(Dropped, LastWritten: 0, InFlight: null);

        var refused = endings.Dropped(ended, Dropped, new Reconnect.StartFresh()).All.ToList();
        traffic.Effects.Clear();
        var retried = endings.Dropped(ended, Dropped, new Reconnect.RetryNow()).All.ToList();

        Assert.Null(resumption.Handle);
        Assert.Equal([new Effect(EffectKind.Publish, new ResumptionRefused(Dropped))], refused);
        Assert.Equal([new Effect(EffectKind.Publish, new Disconnected(Dropped, WillRetry: true, TimeSpan.Zero))], retried);
    }

    private static (SessionTraffic Traffic, SessionEndings Endings) Session(SessionResumptionOptions resumption)
    {
        var options = SessionRules.Options(resumption);
        var resumptionState = SessionRules.Resumption(options);
        var traffic = new SessionTraffic(
            options, new ModelRules(options), resumptionState, new IdleWatch(passivation: null), new SessionTelemetry(options), SessionRules.Clock,
            NullLogger.Instance, durability: null);
        return (traffic, new SessionEndings(options, resumptionState, traffic, NullLogger.Instance));
    }
}
