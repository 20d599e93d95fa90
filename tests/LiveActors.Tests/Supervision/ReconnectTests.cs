using System.Text.Json;
using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using Receive = LiveActors.Live.Receive;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Supervision;

public sealed class ReconnectTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public async Task A_dropped_connection_is_reconnected_with_the_newest_handle_and_the_conversation_goes_on()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var (session, events) = StartSession(Options with { SessionResumption = new SessionResumptionOptions() });
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("one")));
        EventsUntil<TurnCompleted>(events);
        var handle = NextEvent<SessionResumptionUpdated>(events).Update.NewHandle;

        session.Tell(new Send(RealtimeInput.Pcm(new byte[320]))); // starts no reply, so no newer handle can race the drop

        var disconnected = NextEvent<Disconnected>(events);
        Assert.IsType<ConnectionFailed>(disconnected.Error);
        Assert.True(disconnected.WillRetry);
        Assert.True(NextEvent<Reconnected>(events).Resumed);
        var second = await Emulator.WaitForConnectionAsync(2);
        var setup = JsonDocument.Parse(second.Messages[0].Json).RootElement.GetProperty("setup");
        Assert.Equal(handle, setup.GetProperty("sessionResumption").GetProperty("handle").GetString());
        session.Tell(new Send(ClientContent.UserText("three")));
        var turn = EventsUntil<TurnCompleted>(events);
        Assert.StartsWith("Turn 2:", string.Concat(turn.OfType<ModelTurnReceived>().Select(e => e.Turn.Parts![0].Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retryable_refusal_is_retried_with_backoff_until_it_connects()
    {
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(503));
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(503));
        var (_, events) = StartSession();

        var first = NextEvent<Disconnected>(events);
        var second = NextEvent<Disconnected>(events);
        NextEvent<Connected>(events);

        Assert.Equal(503, Assert.IsType<UpgradeFailed>(first.Error).Status);
        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)], new[] { first.RetryIn, second.RetryIn });
        Assert.Equal(3, (await Emulator.WaitForConnectionAsync(3)).Number);
    }

    [Fact]
    public void A_non_retryable_refusal_gives_up_at_once_and_the_session_stops()
    {
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(403, "Permission denied."));
        var (session, events) = StartSession();
        Watch(session);

        Assert.False(NextEvent<Disconnected>(events).WillRetry);
        var gaveUp = NextEvent<GaveUp>(events);

        Assert.Equal(403, Assert.IsType<UpgradeFailed>(gaveUp.Error).Status);
        Assert.Single(Emulator.Connections);
        ExpectTerminated(session, Patience);
        events.ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // no Closed after GaveUp: giving up is the end
    }

    [Fact]
    public void After_retry_attempts_in_a_row_it_gives_up_with_MaxRetriesExceeded_and_the_last_error()
    {
        var options = Options with { Retry = Options.Retry with { Attempts = 2 } };
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(503));
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(503));
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(429));
        var (session, events) = StartSession(options);
        session.Tell(new Receive(TimeSpan.FromMinutes(1)));

        var last = NextEvent<Disconnected>(events, d => !d.WillRetry);
        var gaveUpEvent = NextEvent<GaveUp>(events);
        var gaveUp = Assert.IsType<MaxRetriesExceeded>(gaveUpEvent.Error);

        Assert.Equal(3, gaveUp.Attempts);
        Assert.Equal(429, Assert.IsType<UpgradeFailed>(gaveUp.LastError).Status);
        Assert.Equal(429, Assert.IsType<UpgradeFailed>(last.Error).Status); // the last attempt's own error, not the summary
        Assert.Same(gaveUp.LastError, gaveUpEvent.LastError);
        Assert.IsType<MaxRetriesExceeded>(Assert.IsType<LiveConnectionException>(ExpectMsg<Status.Failure>().Cause).Error);
    }

    [Fact]
    public void A_setup_that_is_never_answered_times_out_with_the_stage_named()
    {
        Emulator.ScriptNextConnection(EmulatorFault.IgnoreSetup);
        var (_, events) = StartSession(Options with { Timeout = TimeSpan.FromMilliseconds(300) });

        var error = Assert.IsType<UpgradeTimeout>(NextEvent<Disconnected>(events).Error);

        Assert.Equal("setupComplete", error.Stage);
        NextEvent<Connected>(events);
    }

    [Fact]
    public void A_policy_close_from_the_server_is_not_retried()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Close(FaultTrigger.AfterClientMessages(1), 1008, "models/x is not found for API version v1beta"));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("hi")));

        var closed = Assert.IsType<ServerClosed>(NextEvent<GaveUp>(events).Error);
        Assert.Equal(1008, closed.CloseCode);
    }

    [Fact]
    public void A_server_close_1011_is_retried()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Close(FaultTrigger.AfterSetup, 1011, "Internal error encountered."));
        var (_, events) = StartSession();

        NextEvent<Connected>(events);
        var disconnected = NextEvent<Disconnected>(events);

        Assert.Equal(1011, Assert.IsType<ServerClosed>(disconnected.Error).CloseCode);
        Assert.True(disconnected.WillRetry);
        NextEvent<Reconnected>(events);
    }

    [Fact]
    public void A_malformed_frame_and_an_unknown_kind_are_reported_and_the_session_goes_on()
    {
        Emulator.ScriptNextConnection(EmulatorFault.MalformedFrame(FaultTrigger.AfterSetup), EmulatorFault.UnknownKind(FaultTrigger.AfterSetup));
        var (session, events) = StartSession();

        NextEvent<MalformedFrameReceived>(events);
        Assert.Contains("emulatorFutureMessage", NextEvent<UnknownMessageReceived>(events).Message.AdditionalProperties!.Keys);
        session.Tell(new Send(ClientContent.UserText("still fine?")));

        NextEvent<TurnCompleted>(events);
    }

    [Fact]
    public void Connected_comes_before_the_events_of_messages_that_follow_setupComplete_at_once()
    {
        // After setupComplete the socket hands messages to the session directly, skipping the connection actor: the
        // switch must not let them overtake Connected. Several sessions, to give a race its chances.
        for (var i = 0; i < 10; i++)
        {
            Emulator.ScriptNextConnection(EmulatorFault.MalformedFrame(FaultTrigger.AfterSetup), EmulatorFault.UnknownKind(FaultTrigger.AfterSetup));
            var (session, events) = StartSession();

            var seen = EventsUntil<UnknownMessageReceived>(events);

            Assert.IsType<Connected>(seen[0]);
            Assert.Single(seen.OfType<MalformedFrameReceived>()); // and before the unknown message, as the server sent them
            Sys.Stop(session);
        }
    }

    [Fact]
    public void Messages_fragmented_over_many_frames_are_joined()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Fragment(7));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("in pieces")));

        var turn = EventsUntil<TurnCompleted>(events);
        Assert.Equal("Turn 1: you said \"in pieces\"", string.Concat(turn.OfType<ModelTurnReceived>().Select(e => e.Turn.Parts![0].Text)));
    }

    [Fact]
    public void An_8_MiB_message_is_received_whole()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Huge(FaultTrigger.AfterSetup));
        var (_, events) = StartSession();

        var huge = NextEvent<ModelTurnReceived>(events);

        Assert.True(huge.Turn.Parts![0].Text!.Length > 8_000_000);
    }

    [Fact]
    public void A_message_over_the_size_limit_ends_the_connection_with_a_protocol_error()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Huge(FaultTrigger.AfterSetup, 2 * 1024 * 1024));
        var (_, events) = StartSession(Options with { MaxInboundMessageSize = 1024 * 1024 });

        var gaveUp = NextEvent<GaveUp>(events);

        Assert.Contains("max-inbound-message-size", Assert.IsType<ProtocolError>(gaveUp.Error).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silent_peer_is_detected_by_keep_alive_and_the_session_reconnects()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Silence);
        var (_, events) = StartSession(Options with
        {
            KeepAliveInterval = TimeSpan.FromMilliseconds(100),
            KeepAliveTimeout = TimeSpan.FromMilliseconds(300),
        });
        NextEvent<Connected>(events);

        var disconnected = NextEvent<Disconnected>(events);

        Assert.Contains("keep-alive", Assert.IsType<ConnectionFailed>(disconnected.Error).Reason, StringComparison.Ordinal);
        NextEvent<Reconnected>(events);
    }

    [Fact]
    public async Task GoAway_is_handed_over_to_a_resumed_connection_before_the_deadline_without_an_error()
    {
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterSetup, TimeSpan.FromSeconds(30)));
        var (_, events) = StartSession();

        Assert.Equal(TimeSpan.FromSeconds(30), NextEvent<GoAwayReceived>(events).GoAway.TimeLeft);
        var untilReconnected = EventsUntil<Reconnected>(events);

        Assert.DoesNotContain(untilReconnected, e => e is Disconnected);
        Assert.True(((Reconnected)untilReconnected[^1]).Resumed);
        Assert.Equal(ConnectionEndKind.ClientClosed, (await (await Emulator.WaitForConnectionAsync(1)).Ended).Kind);
        Assert.Equal(2, (await Emulator.WaitForConnectionAsync(2)).Number);
    }

    [Fact]
    public async Task GoAway_minutes_early_without_a_handle_hands_over_at_once_to_a_new_session()
    {
        // docs/live-api.md 4.5: 3.8 may say goAway 300 s early, before any handle; waiting for the close cuts what streams then.
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterSetup, TimeSpan.FromSeconds(300)));
        var (session, events) = StartSession(Options with { SessionResumption = new SessionResumptionOptions { Enabled = false } });

        Assert.Equal(TimeSpan.FromSeconds(300), NextEvent<GoAwayReceived>(events).GoAway.TimeLeft);
        var untilReconnected = EventsUntil<Reconnected>(events);
        session.Tell(new Send(ClientContent.UserText("on the new session")));
        NextEvent<TurnCompleted>(events);

        Assert.DoesNotContain(untilReconnected, e => e is Disconnected);
        Assert.False(((Reconnected)untilReconnected[^1]).Resumed); // a new server session: the model may have lost context
        Assert.Equal(ConnectionEndKind.ClientClosed, (await (await Emulator.WaitForConnectionAsync(1)).Ended).Kind);
        Assert.Single((await Emulator.WaitForConnectionAsync(2)).SessionMessages);
    }

    [Fact]
    public async Task A_new_server_session_after_goAway_without_a_handle_is_seeded_with_the_conversation_so_far()
    {
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterClientMessages(1), TimeSpan.FromSeconds(300)));
        var (session, events) = StartSession(Options with { SessionResumption = new SessionResumptionOptions { Enabled = false } });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("My name is Ada.")));
        NextEvent<Reconnected>(events); // handed over once the reply was done
        session.Tell(new Send(ClientContent.UserText("What is my name?")));
        NextEvent<TurnCompleted>(events);

        var fresh = await Emulator.WaitForConnectionAsync(2);
        var seed = System.Text.Json.JsonDocument.Parse(fresh.Messages[1].Json).RootElement.GetProperty("clientContent");
        Assert.False(seed.GetProperty("turnComplete").GetBoolean()); // context only: no reply asked for
        var turns = seed.GetProperty("turns").EnumerateArray().Select(t => (t.GetProperty("role").GetString(), t.GetProperty("parts")[0].GetProperty("text").GetString())).ToList();
        Assert.Equal([("user", "My name is Ada."), ("model", "Turn 1: you said \"My name is Ada.\"")], turns);
        Assert.Contains("What is my name?", fresh.Messages[2].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_reseed_exchanges_0_a_new_server_session_gets_only_the_initial_history()
    {
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterClientMessages(1), TimeSpan.FromSeconds(300)));
        var (session, events) = StartSession(Options with { SessionResumption = new SessionResumptionOptions { Enabled = false, ReseedExchanges = 0 } });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("My name is Ada.")));
        NextEvent<Reconnected>(events);
        session.Tell(new Send(ClientContent.UserText("What is my name?")));
        NextEvent<TurnCompleted>(events);

        var fresh = await Emulator.WaitForConnectionAsync(2);
        Assert.Equal(2, fresh.Messages.Count); // setup, then the turn: nothing seeded
    }

    [Fact]
    public void An_unsubscribed_actor_gets_no_more_events()
    {
        var (session, events) = StartSession();
        var other = CreateTestProbe();
        session.Tell(new Subscribe(other.Ref), other.Ref);
        other.ExpectMsg<Subscribed>();
        NextEvent<Connected>(events);
        session.Tell(new Unsubscribe(other.Ref), other.Ref);
        NextEvent<Unsubscribed>(other);

        session.Tell(new Send(ClientContent.UserText("hi")));
        NextEvent<TurnCompleted>(events);

        other.ExpectNoMsg(TimeSpan.Zero);
    }
}
