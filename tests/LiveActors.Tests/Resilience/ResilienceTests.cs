using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// The zero-loss promise against the emulator: resumption with a fallback, goAway handover, the outbound queue and
/// replay. The emulator's session log says what the server's conversation holds, so loss or duplication shows.
/// </summary>
public sealed class ResilienceTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private static readonly byte[] Chunk = new byte[3200]; // 100 ms of 16 kHz PCM

    [Fact]
    public async Task Transparent_resumption_replays_exactly_what_the_server_had_not_consumed_in_order()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(3)));
        var (session, events) = StartSession(TransparentVertex());
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("one")));
        NextEvent<SessionResumptionUpdated>(events, u => u.Update.LastConsumedClientMessageIndex == 1); // setup is 0

        session.Tell(new Send(RealtimeInput.Pcm(Chunk)));
        session.Tell(new Send(RealtimeInput.Pcm(Chunk))); // the emulator drops the connection once it has this one

        var reconnected = NextEvent<Reconnected>(events);
        session.Tell(new Send(ClientContent.UserText("two")));
        NextEvent<TurnCompleted>(events);

        Assert.True(reconnected.Resumed);
        Assert.Equal(2, reconnected.ReplayedMessages);
        Assert.Equal(["text:one", "audio", "audio", "text:two"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages));
        Assert.All(ReceiveN(4), reply => Assert.IsType<SendAccepted>(reply));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Without_transparent_mode_what_no_handle_covered_is_reported_as_possibly_undelivered_and_not_replayed()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(3)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("one")));
        EventsUntil<TurnCompleted>(events);
        NextEvent<SessionResumptionUpdated>(events);
        session.Tell(new Send(RealtimeInput.Pcm(Chunk)));
        session.Tell(new Send(RealtimeInput.Pcm(Chunk)));

        var reconnected = NextEvent<Reconnected>(events);
        session.Tell(new Send(ClientContent.UserText("two")));
        NextEvent<TurnCompleted>(events);

        Assert.True(reconnected.Resumed);
        Assert.Equal(0, reconnected.ReplayedMessages);
        var replies = ReceiveN(6);
        Assert.Equal([2L, 3L], replies.OfType<SendFailed>().Select(f => f.Sequence));
        Assert.All(replies.OfType<SendFailed>(), f => Assert.IsType<DeliveryUncertain>(f.Error));
        Assert.Equal(["text:one", "text:two"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages));
    }

    [Fact]
    public async Task A_refused_handle_falls_back_once_to_a_fresh_session_and_says_so()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("one")));
        EventsUntil<TurnCompleted>(events);
        NextEvent<SessionResumptionUpdated>(events); // the handle after the turn exists before they all expire
        Emulator.ExpireResumptionHandles();

        session.Tell(new Send(RealtimeInput.Pcm(Chunk))); // the drop comes now; audio alone starts no turn, so no newer handle

        var refused = NextEvent<ResumptionRefused>(events);
        Assert.Equal(1008, Assert.IsType<ServerClosed>(refused.Error).CloseCode);
        Assert.False(NextEvent<Reconnected>(events).Resumed);
        session.Tell(new Send(ClientContent.UserText("three")));
        var turn = EventsUntil<TurnCompleted>(events);
        Assert.StartsWith("Turn 1:", string.Concat(turn.OfType<ModelTurnReceived>().Select(e => e.Turn.Parts![0].Text)), StringComparison.Ordinal);
        Assert.Equal(3, Emulator.Connections.Count);
        // The fresh session starts from the answered exchange, seeded (reseed-exchanges), then takes the new turn.
        Assert.Equal(["text:one", "text:three"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(3)).SessionMessages));
    }

    [Fact]
    public void The_fallback_to_a_fresh_session_happens_once_and_never_loops()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(1)));
        Emulator.ScriptNextConnection(); // refuses the expired handle by itself
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(403, "Permission denied."));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        NextEvent<SessionResumptionUpdated>(events); // the handle is issued after setupComplete: expire it, not one before it
        Emulator.ExpireResumptionHandles();

        session.Tell(new Send(ClientContent.UserText("one")));

        var seen = EventsUntil<GaveUp>(events);
        Assert.Single(seen.OfType<ResumptionRefused>());
        Assert.Equal(403, Assert.IsType<UpgradeFailed>(((GaveUp)seen[^1]).Error).Status);
        Assert.Equal(3, Emulator.Connections.Count);
    }

    [Fact]
    public async Task While_no_connection_is_ready_sends_queue_up_to_the_byte_limit_and_drain_in_order()
    {
        Emulator.ScriptNextConnection(EmulatorFault.HangUpgrade);
        var options = Options with
        {
            Timeout = TimeSpan.FromSeconds(1),
            OutboundQueue = new OutboundQueueOptions { MaxMessages = 100, MaxBytes = 300 },
        };
        var (session, events) = StartSession(options);

        for (var i = 1; i <= 4; i++)
        {
            session.Tell(new Send(ClientContent.UserText($"queued {i}")));
        }

        Assert.All(ReceiveN(3), reply => Assert.IsType<SendAccepted>(reply));
        var full = Assert.IsType<BufferFull>(Assert.IsType<LiveConnectionException>(ExpectMsg<Status.Failure>().Cause).Error);
        Assert.Equal(3, full.QueuedMessages);
        Assert.InRange(full.QueuedBytes, 200, 300);
        session.Tell(GetStatus.Instance);
        Assert.Equal(3, ExpectMsg<StatusReport>().PendingMessages);
        Assert.IsType<UpgradeTimeout>(NextEvent<Disconnected>(events).Error);
        NextEvent<Connected>(events);
        var record = await Emulator.WaitForConnectionAsync(2);
        await record.WaitForMessagesAsync(4);
        Assert.Equal(["text:queued 1", "text:queued 2", "text:queued 3"], SessionLog.Describe(record.Messages.Skip(1)));
    }

    [Fact]
    public async Task GoAway_hands_over_after_the_turn_and_what_is_sent_meanwhile_goes_to_the_new_connection()
    {
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterClientMessages(1), TimeSpan.FromSeconds(30)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("one")));
        var seen = EventsUntil<GoAwayReceived>(events);
        session.Tell(new Send(ClientContent.UserText("two, sent during the handover")));
        seen.AddRange(EventsUntil<Reconnected>(events));
        NextEvent<TurnCompleted>(events);

        Assert.Contains(seen, e => e is TurnCompleted); // the turn in progress finished on the old connection
        Assert.DoesNotContain(seen, e => e is Disconnected);
        Assert.True(((Reconnected)seen[^1]).Resumed);
        Assert.Equal(ConnectionEndKind.ClientClosed, (await (await Emulator.WaitForConnectionAsync(1)).Ended).Kind);
        Assert.Equal(["text:one", "text:two, sent during the handover"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages));
        Assert.All(ReceiveN(2), reply => Assert.IsType<SendAccepted>(reply));
    }

    [Fact]
    public void A_tool_call_cancelled_by_new_input_reaches_subscribers()
    {
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("tool:slow {}")));
        var call = NextEvent<ToolCallReceived>(events).Call.FunctionCalls![0];

        session.Tell(new Send(ClientContent.UserText("never mind")));

        Assert.Equal([call.Id!], NextEvent<ToolCallCancelled>(events).Cancellation.Ids!);
    }

    private LiveConnectionOptions TransparentVertex() => Options with
    {
        AuthStrategy = AuthStrategy.VertexAi,
        ApiKey = null,
        ProjectId = "resilience",
        Location = "us-central1",
        Credential = VertexCredentials.FromAccessToken(Emulator.Options.BearerToken),
        SessionResumption = new SessionResumptionOptions { Enabled = true, Transparent = true },
    };

    private List<object> ReceiveN(int count) => [.. Enumerable.Range(0, count).Select(_ => ReceiveOne(Patience)!)];
}
