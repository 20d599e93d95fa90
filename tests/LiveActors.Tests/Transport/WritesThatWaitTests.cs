using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Transport;

/// <summary>
/// A Send goes onto the socket from the session's thread when the socket takes it at once; when a write has to wait
/// (a network that takes nothing for a while), the Sends after it queue behind it, go out in order once it completes,
/// and are reported written then; a drop meanwhile leaves the one being written uncertain and the queued ones unsent.
/// </summary>
public sealed class WritesThatWaitTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private readonly ConcurrentQueue<FaultyWriteStream> _streams = new();
    private HttpMessageInvoker? _invoker;

    public override async Task DisposeAsync()
    {
        _invoker?.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Sends_behind_a_write_that_waits_go_out_in_order_once_it_completes_and_are_then_counted_written()
    {
        var (session, events, stream) = StartOnFaultyStream();

        // Audio the server answers nothing to: only the writer's own word can count it written.
        stream.HoldWrites();
        for (var i = 1; i <= 3; i++)
        {
            session.Tell(new Send(RealtimeInput.Pcm(new byte[320 * i]), Correlation: i));
            ExpectMsg<SendAccepted>();
        }

        Assert.Equal(3, (await session.Ask<StatusReport>(GetStatus.Instance, Patience)).PendingMessages); // none written yet

        stream.ReleaseWrites();
        using (var patience = new CancellationTokenSource(Patience))
        {
            await Emulator.Connections[0].WaitForMessagesAsync(4, patience.Token);
        }

        await AwaitAssertAsync(async () =>
        {
            var status = await session.Ask<StatusReport>(GetStatus.Instance, Patience);
            Assert.Equal((0, 3), (status.PendingMessages, status.UnconfirmedMessages)); // written, awaiting the server's evidence
        });
        Assert.Equal(["audio", "audio", "audio"], SessionLog.Describe(Emulator.Connections[0].SessionMessages));
        Assert.Empty(ReceiveWhile(TimeSpan.Zero, m => m as SendFailed));
    }

    [Fact]
    public async Task A_drop_while_writes_wait_reports_the_one_being_written_uncertain_and_sends_the_queued_ones_on_the_resumed_connection()
    {
        var (session, events, stream) = StartOnFaultyStream();
        NextEvent<SessionResumptionUpdated>(events); // a handle to resume with

        stream.HoldWrites();
        for (var i = 1; i <= 3; i++)
        {
            session.Tell(new Send(ClientContent.UserText($"t{i}"), Correlation: i));
            ExpectMsg<SendAccepted>();
        }

        Assert.Equal(3, (await session.Ask<StatusReport>(GetStatus.Instance, Patience)).PendingMessages);
        Emulator.Connections[0].Drop();

        var seen = EventsUntil<Reconnected>(events);
        var failed = Assert.Single(seen.OfType<SendFailed>());
        Assert.Equal(1, failed.Correlation); // its send had started: whether the server has it is unknown
        Assert.IsType<ConnectionError.DeliveryUncertain>(failed.Error);
        Assert.True(((Reconnected)seen[^1]).Resumed);

        var resumed = await Emulator.WaitForConnectionAsync(2);
        using (var patience = new CancellationTokenSource(Patience))
        {
            await resumed.WaitForMessagesAsync(3, patience.Token);
        }

        Assert.Equal(["text:t2", "text:t3"], SessionLog.Describe(resumed.SessionMessages)); // never started: they go first on the next
        Assert.DoesNotContain(EventsUntil<TurnCompleted>(events), e => e is SendFailed);
    }

    /// <summary>A connected session whose connections are <see cref="FaultyWriteStream"/>s, and its first connection's stream.</summary>
    private (IActorRef Session, TestProbe Events, FaultyWriteStream Stream) StartOnFaultyStream()
    {
        _invoker = new HttpMessageInvoker(FaultyWriteStream.Handler(_streams.Enqueue), disposeHandler: true);
        var (session, events) = StartSession(Options with { Transport = new TransportOptions { MessageInvoker = _invoker } });
        NextEvent<Connected>(events);
        Assert.True(_streams.TryPeek(out var stream));
        return (session, events, stream);
    }
}
