using System.Text.Json;
using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Dispatch;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using Receive = LiveActors.Live.Receive;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Supervision;

public sealed class SessionTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public async Task A_started_session_and_its_connection_run_on_the_session_dispatcher_with_the_small_mailbox()
    {
        var events = CreateTestProbe();
        var session = ConnectionSupervisor.Start(Sys, Options, events.Ref, name: "placed");
        NextEvent<Connected>(events);
        var connection = await Sys.ActorSelection(session.Path / "connection-1").ResolveOne(Patience);

        foreach (var actor in new[] { session, connection })
        {
            var cell = Assert.IsType<ActorCell>(((ActorRefWithCell)actor).Underlying);
            Assert.IsType<SessionDispatcher>(cell.Dispatcher);
            Assert.IsType<SessionMessageQueue>(cell.Mailbox!.MessageQueue);
        }
    }

    [Fact]
    public async Task A_session_from_props_alone_runs_in_a_system_that_has_no_LiveActors_configuration()
    {
        using var system = ActorSystem.Create("plain", "akka.loglevel = WARNING");
        var events = new Akka.TestKit.TestProbe(system, new Akka.TestKit.Xunit2.XunitAssertions());
        var session = system.ActorOf(ConnectionSupervisor.Props(Options, events.Ref));

        events.FishForMessage<Connected>(_ => true, Patience);
        var connection = await system.ActorSelection(session.Path / "connection-1").ResolveOne(Patience);

        Assert.IsNotType<SessionDispatcher>(((ActorCell)((ActorRefWithCell)session).Underlying).Dispatcher);
        Assert.IsType<SessionMessageQueue>(((ActorCell)((ActorRefWithCell)connection).Underlying).Mailbox!.MessageQueue);
        await system.Terminate();
    }

    [Fact]
    public void A_send_told_without_a_sender_is_not_acknowledged_to_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(Akka.Event.DeadLetter));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("hello")), ActorRefs.NoSender);
        NextEvent<TurnCompleted>(events); // the session acknowledged (or not) long before the reply

        deadLetters.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_session_connects_sends_setup_from_the_options_and_streams_a_turn_as_typed_events()
    {
        var (session, events) = StartSession();
        Assert.Null(NextEvent<Connected>(events).SessionId);

        session.Tell(new Send(ClientContent.UserText("hello")), TestActor);
        ExpectMsg<SendAccepted>(accepted => Assert.Equal(1, accepted.Sequence));
        var turn = EventsUntil<TurnCompleted>(events);

        Assert.Equal("Turn 1: you said \"hello\"", string.Concat(turn.OfType<ModelTurnReceived>().Select(e => e.Turn.Parts![0].Text)));
        Assert.Single(turn.OfType<GenerationCompleted>());
        Assert.IsType<UsageReported>(NextEvent<UsageReported>(events));
        var record = await Emulator.WaitForConnectionAsync(1);
        using var setup = JsonDocument.Parse(record.Messages[0].Json);
        Assert.Equal("models/gemini-2.5-flash", setup.RootElement.GetProperty("setup").GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Object, setup.RootElement.GetProperty("setup").GetProperty("sessionResumption").ValueKind);
        Assert.Equal("(redacted)", record.Headers["x-goog-api-key"]);
        Assert.Equal("clientContent", record.Messages[1].Kind);
    }

    [Fact]
    public void Receive_returns_server_messages_in_order_and_ReceiveAll_drains_the_inbox()
    {
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("pull")));
        ExpectMsg<SendAccepted>();
        NextEvent<TurnCompleted>(events);
        NextEvent<SessionResumptionUpdated>(events);

        session.Tell(Receive.Default);
        var first = ExpectMsg<ServerMessage>();
        session.Tell(ReceiveAll.Instance);
        var rest = ExpectMsg<ReceivedMessages>().Messages;
        session.Tell(ReceiveAll.Instance);

        Assert.NotNull(first.SessionResumptionUpdate); // the handle that followed setupComplete
        Assert.Equal(6, rest.Count); // three chunks, generationComplete, turnComplete + usage, the turn's handle
        Assert.NotNull(rest[^1].SessionResumptionUpdate);
        Assert.Empty(ExpectMsg<ReceivedMessages>().Messages);
    }

    [Fact]
    public void The_inbox_keeps_only_the_newest_messages_that_fit_its_byte_limit()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Flood(200)); // 200 text chunks of 76 bytes, then the turn's end
        var (session, events) = StartSession(Options with
        {
            InboxMaxBytes = 1024,
            SessionResumption = new SessionResumptionOptions { Enabled = false },
        });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("flood")));
        ExpectMsg<SendAccepted>();
        var last = NextEvent<TurnCompleted>(events);
        session.Tell(ReceiveAll.Instance);

        var kept = ExpectMsg<ReceivedMessages>().Messages;
        Assert.InRange(kept.Count, 2, 1024 / 76);
        Assert.Same(last.Message, kept[^1]);
    }

    [Fact]
    public void The_inbox_always_keeps_the_newest_message_even_past_its_byte_limit()
    {
        var (session, events) = StartSession(Options with { InboxMaxBytes = 1 });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("one")));
        ExpectMsg<SendAccepted>();
        NextEvent<TurnCompleted>(events);
        var newest = NextEvent<SessionResumptionUpdated>(events); // the handle after the turn: the last message
        session.Tell(ReceiveAll.Instance);

        Assert.Same(newest.Message, Assert.Single(ExpectMsg<ReceivedMessages>().Messages));
    }

    [Fact]
    public void A_waiting_Receive_is_answered_by_the_next_message()
    {
        var (session, events) = StartSession(Options with { SessionResumption = new SessionResumptionOptions { Enabled = false } });
        NextEvent<Connected>(events);

        session.Tell(Receive.Default);
        session.Tell(new Send(ClientContent.UserText("hi")));

        ExpectMsg<SendAccepted>();
        Assert.NotNull(ExpectMsg<ServerMessage>(Patience).ServerContent?.ModelTurn);
    }

    [Fact]
    public void Receive_without_messages_fails_with_a_typed_timeout()
    {
        var (session, events) = StartSession(Options with { SessionResumption = new SessionResumptionOptions { Enabled = false } });
        NextEvent<Connected>(events);

        session.Tell(new Receive(TimeSpan.FromMilliseconds(200)));

        var failure = ExpectMsg<Status.Failure>(Patience);
        var error = Assert.IsType<ConnectionError.ReceiveTimeout>(Assert.IsType<LiveConnectionException>(failure.Cause).Error);
        Assert.Equal(TimeSpan.FromMilliseconds(200), error.Timeout);
    }

    [Fact]
    public void GetStatus_reports_where_the_session_is()
    {
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        NextEvent<SessionResumptionUpdated>(events);

        session.Tell(GetStatus.Instance);

        var status = ExpectMsg<StatusReport>();
        Assert.True(status.IsConnected);
        Assert.Equal(new StatusReport(ConnectionStatus.Connected, 0, null, Resumable: true, Connections: 1), status);
    }

    [Fact]
    public async Task Sends_made_before_setupComplete_are_queued_and_written_in_order_after_it()
    {
        var session = Sys.ActorOf(ConnectionSupervisor.Props(Options));

        for (var i = 1; i <= 5; i++)
        {
            session.Tell(new Send(RealtimeInput.FromText($"m{i}")));
        }

        Assert.Equal([1L, 2, 3, 4, 5], ReceiveN(5).Cast<SendAccepted>().Select(a => a.Sequence));
        var record = await Emulator.WaitForConnectionAsync(1);
        var messages = await record.WaitForMessagesAsync(6);
        Assert.Equal("setup", messages[0].Kind);
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], messages.Skip(1).Select(m => JsonDocument.Parse(m.Json).RootElement.GetProperty("realtimeInput").GetProperty("text").GetString()));
    }

    [Fact]
    public void Raw_json_is_sent_as_it_is()
    {
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        using var raw = JsonDocument.Parse("""{"realtimeInput":{"text":"raw"}}""");

        session.Tell(Send.Raw(raw.RootElement.Clone()));

        ExpectMsg<SendAccepted>();
        Assert.Contains(EventsUntil<TurnCompleted>(events).OfType<ModelTurnReceived>(), e => e.Turn.Parts![0].Text!.Contains("raw", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tool_call_arrives_as_an_event_and_the_tool_response_completes_the_turn()
    {
        var (session, events) = StartSession();
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("""tool:get_time {"zone":"UTC"}""")));
        var call = NextEvent<ToolCallReceived>(events).Call.FunctionCalls![0];
        Assert.Equal("get_time", call.Name);
        session.Tell(new Send(new ToolResponse { FunctionResponses = [new FunctionResponse { Id = call.Id, Name = call.Name, Response = JsonDocument.Parse("""{"time":"noon"}""").RootElement }] }));

        var turn = EventsUntil<TurnCompleted>(events);
        Assert.Equal("""Turn 1: get_time returned {"time":"noon"}""", string.Concat(turn.OfType<ModelTurnReceived>().Select(e => e.Turn.Parts![0].Text)));
    }

    [Fact]
    public async Task Close_sends_a_close_frame_answers_Closed_publishes_it_once_and_the_session_stops()
    {
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        Watch(session);

        session.Tell(Close.Instance);

        ExpectMsg<Closed>(Patience);
        NextEvent<Closed>(events);
        ExpectTerminated(session, Patience);
        Assert.Equal(ConnectionEndKind.ClientClosed, (await (await Emulator.WaitForConnectionAsync(1)).Ended).Kind);
    }

    [Fact]
    public void A_requester_that_is_also_a_subscriber_hears_Closed_once()
    {
        var session = Sys.ActorOf(ConnectionSupervisor.Props(Options, null, TestEnvironment.Empty, TestActor));
        FishForMessage(message => message is Connected, Patience);
        Watch(session);

        session.Tell(Close.Instance);

        var seen = new List<object>();
        FishForMessage(message => { seen.Add(message); return message is Terminated; }, Patience);
        Assert.Single(seen, message => message is Closed);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Waiting_receivers_and_queued_sends_are_answered_before_the_session_stops()
    {
        Emulator.ScriptNextConnection(EmulatorFault.IgnoreSetup);
        var (session, events) = StartSession(Options with { Timeout = TimeSpan.FromSeconds(30) });
        var receiver = CreateTestProbe();
        session.Tell(new Receive(TimeSpan.FromMinutes(1)), receiver.Ref);
        session.Tell(new Send(ClientContent.UserText("queued"), Correlation: "turn-1"));
        var accepted = ExpectMsg<SendAccepted>();
        Watch(session);

        session.Tell(Close.Instance);

        var failed = ExpectMsg<SendFailed>(Patience);
        Assert.Equal((accepted.Sequence, "turn-1"), (failed.Sequence, failed.Correlation));
        Assert.IsType<SessionClosed>(Assert.IsType<LiveConnectionException>(receiver.ExpectMsg<Status.Failure>(Patience).Cause).Error);
        ExpectMsg<Closed>(Patience);
        ExpectTerminated(session, Patience);
    }

    [Fact]
    public async Task A_correlation_comes_back_in_SendAccepted_and_a_failure_reaches_subscribers_when_its_sender_is_gone()
    {
        Emulator.ScriptNextConnection(EmulatorFault.IgnoreSetup);
        var (session, events) = StartSession(Options with { Timeout = TimeSpan.FromSeconds(30) });

        // Asked, as an app often does: the temporary actor that gets SendAccepted is gone before any failure.
        var accepted = await session.Ask<SendAccepted>(new Send(ClientContent.UserText("asked"), Correlation: 42), Patience);
        session.Tell(Close.Instance);

        Assert.Equal(42, accepted.Correlation);
        var failed = NextEvent<SendFailed>(events);
        Assert.Equal((accepted.Sequence, (object)42), (failed.Sequence, failed.Correlation));
        Assert.IsType<SessionClosed>(failed.Error);
    }

    [Fact]
    public void Invalid_options_fail_fast_with_the_option_named()
    {
        var error = Assert.Throws<LiveConnectionException>(() => ConnectionSupervisor.Props(Options with { Model = "" }));

        Assert.Equal("Model", Assert.IsType<InvalidOption>(error.Error).Option);
    }

    [Fact]
    public void A_session_without_an_api_key_fails_fast_with_NoApiKey()
    {
        var error = Assert.Throws<LiveConnectionException>(() => ConnectionSupervisor.Props(Options with { ApiKey = null }, null, TestEnvironment.Empty));

        Assert.IsType<NoApiKey>(error.Error);
    }

    [Fact]
    public void A_user_supplied_setup_replaces_the_default_and_keeps_the_model_from_the_options()
    {
        var options = Options with { Setup = new Setup { SystemInstruction = new Content { Parts = [new Part { Text = "Be brief." }] } } };
        var (_, events) = StartSession(options);

        NextEvent<Connected>(events);

        var setup = JsonDocument.Parse(Emulator.Connections[0].Messages[0].Json).RootElement.GetProperty("setup");
        Assert.Equal("models/gemini-2.5-flash", setup.GetProperty("model").GetString());
        Assert.Equal("Be brief.", setup.GetProperty("systemInstruction").GetProperty("parts")[0].GetProperty("text").GetString());
    }
}
