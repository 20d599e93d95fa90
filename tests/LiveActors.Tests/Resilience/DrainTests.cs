using System.Collections.Concurrent;
using Akka.Actor;
using LiveActors.Emulator.Faults;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Resilience;

/// <summary>A write that fails first does not throw away what the server had already sent.</summary>
public sealed class DrainTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public async Task After_a_failed_write_the_replies_and_the_handle_still_on_their_way_are_read_and_the_session_resumes_from_the_newest()
    {
        var streams = new ConcurrentQueue<FaultyWriteStream>();
        using var invoker = new HttpMessageInvoker(FaultyWriteStream.Handler(streams.Enqueue), disposeHandler: true);
        Emulator.ScriptNextConnection(EmulatorFault.Delay(TimeSpan.FromMilliseconds(100))); // the reply is still coming when the write fails
        var options = Options with { CloseTimeout = TimeSpan.FromSeconds(3), Transport = new TransportOptions { MessageInvoker = invoker } };
        var (session, events) = StartSession(options);
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("one"), Correlation: 1));
        ExpectMsg<SendAccepted>();
        using (var patience = new CancellationTokenSource(Patience))
        {
            await Emulator.Connections[0].WaitForMessagesAsync(2, patience.Token); // setup and turn one reached the server
        }

        Assert.True(streams.TryPeek(out var first));
        first.FailWrites();
        session.Tell(new Send(RealtimeInput.Pcm(new byte[3200]), Correlation: 2)); // this write fails

        var seen = EventsUntil<Reconnected>(events, within: Patience);
        session.Tell(new Send(ClientContent.UserText("two"), Correlation: 3));
        NextEvent<TurnCompleted>(events);

        Assert.Contains(seen, e => e is TurnCompleted); // turn one's reply was read after the failed write
        Assert.DoesNotContain(seen, e => e is SendFailed { Correlation: 1 });
        Assert.Contains(seen, e => e is SendFailed { Correlation: 2 }); // the one being written is uncertain
        Assert.Equal(["text:one", "text:two"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages));
    }
}
